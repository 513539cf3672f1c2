using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxLeaseTests
{
    [Fact]
    public async Task Send_LeaseTakenOverMidSend_LeavesTheNewOwnersClaimAlone()
    {
        // No platform configured, so the host's own worker sends nothing; the test drives the sender itself.
        await using var host = await OutboxHost.StartAsync(settings: new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });
        await host.EnqueueAsync("slow", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("slow"));
        var thief = new StealingChannel(host.Database);

        await using (var scope = host.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(new OutboxRoutes(thief, null), CancellationToken.None));

        await using var db = host.Database.NewContext();
        var item = await db.OutboxMessages.SingleAsync();
        Assert.Equal(1, thief.Posts);
        Assert.Equal((OutboxStatus.Sending, "other-host", (string?)null), (item.Status, item.LeaseOwner, item.Reference));
    }

    /// <summary>Another instance claims the message while this one is still posting it (its lease ran out).</summary>
    private sealed class StealingChannel(TestDatabase database) : IOutboxChannel
    {
        public int Posts { get; private set; }

        public async Task<string> PostAsync(string key, OutboxTarget target, ChatMessage message, CancellationToken ct)
        {
            Posts++;
            await using var db = database.NewContext();
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "other-host"), ct);
            return "C1:1.0";
        }

        public Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct) => throw new NotSupportedException();
    }
}
