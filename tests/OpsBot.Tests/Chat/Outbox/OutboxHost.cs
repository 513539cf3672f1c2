using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

/// <summary>A real host whose outbox worker polls every 50 ms, with helpers to enqueue and to wait for an outcome.</summary>
internal static class OutboxHost
{
    public static Task<TestHost> StartAsync(TestDatabase? database = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        return TestHost.StartAsync(all, database: database, services: services);
    }

    public static async Task<OutboxMessage> EnqueueAsync(this TestHost host, string key, OutboxTarget target, ChatMessage message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpsBot.Chat.Outbox.Outbox>().EnqueueAsync(key, target, message, CancellationToken.None);
    }

    public static async Task<OutboxMessage> EnqueueUpdateAsync(this TestHost host, string key, string updateOf, ChatMessage message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpsBot.Chat.Outbox.Outbox>().EnqueueUpdateAsync(key, updateOf, message, CancellationToken.None);
    }

    public static ChatMessage Message(string text) => new(text, new TextBlock(RichText.Plain(text)));

    /// <summary>Waits (wall clock) until the item under <paramref name="key"/> satisfies <paramref name="done"/>.</summary>
    public static async Task<OutboxMessage> WaitForAsync(this TestDatabase database, string key, Func<OutboxMessage, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = database.NewContext())
            {
                var item = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key);
                if (item is not null && done(item)) return item;
                if (DateTime.UtcNow > until) throw new TimeoutException($"Outbox {key} is {item?.Status.ToString() ?? "missing"} after {item?.Attempts} attempts.");
            }
            await Task.Delay(25);
        }
    }

    /// <summary>Stores <paramref name="items"/> straight into the file, in this order (ids ascending).</summary>
    public static async Task StoreAsync(this TestDatabase database, params OutboxMessage[] items)
    {
        await using var db = database.NewContext();
        foreach (var item in items)
        {
            db.OutboxMessages.Add(item);
            await db.SaveChangesAsync();
        }
    }

    public static async Task<List<PlaygroundMessage>> PlaygroundPostsAsync(this TestDatabase database, string channel)
    {
        await using var db = database.NewContext();
        return await db.PlaygroundMessages.AsNoTracking().Where(m => m.Channel == channel).OrderBy(m => m.Id).ToListAsync();
    }
}
