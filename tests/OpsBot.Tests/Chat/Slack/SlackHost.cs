using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// The real host with Slack configured against a <see cref="FakeSlack"/>, a small known store (anna has an overdue
/// and an open thread), the test command <c>/slow</c> and the <c>test.press</c> button, and signed requests at the
/// host's clock time.
/// </summary>
public sealed class SlackHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = At("2026-11-20T09:00:00Z");

    private SlackHost(FakeSlack slack, MetricsFixture store, TestHost host, SlowGate slow)
    {
        Slack = slack;
        Store = store;
        Host = host;
        Slow = slow;
        Requests = new SlackRequests(SlackRequests.Secret, host.Clock);
    }

    public FakeSlack Slack { get; }
    public MetricsFixture Store { get; }
    public TestHost Host { get; }
    public SlowGate Slow { get; }
    public SlackRequests Requests { get; }

    public static async Task<SlackHost> StartAsync(Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var slack = await FakeSlack.StartAsync();
        var store = new MetricsFixture();
        var anna = store.Creator("anna");
        store.Thread(anna, At("2026-11-19T08:00:00Z"), 24, amount: 2999, lane: Lane.Fast); // overdue by 1 h
        store.Thread(anna, At("2026-11-20T06:00:00Z"), 48, amount: 1999);                 // 45 h left
        await store.SaveAsync();

        var slow = new SlowGate();
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpsBot"] = store.ConnectionString,
            ["Slack:SigningSecret"] = SlackRequests.Secret,
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var host = await TestHost.StartAsync(config, Now, services: s =>
        {
            s.AddSingleton(slow).AddChatCommand<SlowCommand>().AddChatAction<PressAction>();
            services?.Invoke(s);
        });
        // The token check at start is the Web API client's business; tests look at what requests cause.
        slack.Calls.Clear();
        return new SlackHost(slack, store, host, slow);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Host.Http.SendAsync(request);

    public async Task<int> ReceiptsAsync()
    {
        await using var db = new SqliteOpsDbContext(new DbContextOptionsBuilder<SqliteOpsDbContext>().UseSqlite(Store.ConnectionString).Options);
        return await db.SlackEventReceipts.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.Database.Dispose();
        Store.Dispose();
        await Slack.DisposeAsync();
    }
}

/// <summary>Holds <c>/slow</c> until the test releases it, and counts how often it started.</summary>
public sealed class SlowGate
{
    private int starts, cancelled;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Starts => Volatile.Read(ref starts);

    /// <summary>How often OpsBot gave up on a waiting <c>/slow</c> (cancelled it).</summary>
    public int Cancelled => Volatile.Read(ref cancelled);

    internal void Started() => Interlocked.Increment(ref starts);

    internal void WasCancelled() => Interlocked.Increment(ref cancelled);
}

/// <summary><c>/slow</c>: answers "Done slowly" once the test releases it.</summary>
internal sealed class SlowCommand(SlowGate gate) : IChatCommand
{
    public CommandSpec Spec { get; } = new("slow", "Answers when the test says so", []);

    public async Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        gate.Started();
        try
        {
            await gate.Release.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            gate.WasCancelled();
            throw;
        }
        return new ChatMessage("Done slowly", new TextBlock(RichText.Plain("Done slowly")));
    }
}

/// <summary><c>test.press:x</c>: rewrites the pressed message with who pressed it where, and replies "Noted".</summary>
internal sealed class PressAction : IChatAction
{
    public const string Id = "test.press:x";

    public string Name => "test.press";

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var who = $"Pressed by {context.Actor.Platform}:{context.Actor.Id} ({context.Actor.DisplayName}) in {context.ChannelId} on {context.MessageId}";
        return Task.FromResult(new ActionResult(
            Reply: new ChatMessage("Noted", new TextBlock(RichText.Plain("Noted"))),
            UpdateOriginal: new ChatMessage(who, new TextBlock(RichText.Plain(who)))));
    }
}
