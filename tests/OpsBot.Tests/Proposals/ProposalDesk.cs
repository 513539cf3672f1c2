using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Proposals.Decisions;
using OpsBot.Proposals.Execution;
using Microsoft.Extensions.Hosting;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// What the decision tests share on a running host: a small store (anna's t01 and t02 are overdue and open), proposals
/// made through the real <see cref="ProposalBook"/>, and reads of the proposal, its audit lines and its card's outbox rows.
/// </summary>
public sealed class ProposalDesk(TestHost host, MetricsFixture store)
{
    public static readonly DateTimeOffset Now = MetricsFixture.At("2026-11-20T09:00:00Z");

    public TestHost Host => host;
    public MetricsFixture Store => store;

    /// <summary>The settings every decision host needs over <paramref name="store"/>: the outbox delivers within 50 ms.</summary>
    public static Dictionary<string, string?> Settings(MetricsFixture store) => new()
    {
        ["ConnectionStrings:OpsBot"] = store.ConnectionString,
        ["Outbox:PollInterval"] = "00:00:00.050",
    };

    /// <summary>
    /// Leaves the execution worker out, so a decision test sees the hand-off (Approved, execution Pending) and not the
    /// execution racing it; the end-to-end tests keep the worker.
    /// </summary>
    public static void WithoutExecution(IServiceCollection services)
    {
        var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ExecutionWorker));
        services.Remove(worker);
    }

    public static MetricsFixture NewStore()
    {
        var store = new MetricsFixture();
        var anna = store.Creator("anna");
        store.Thread(anna, MetricsFixture.At("2026-11-17T08:00:00Z"), amount: 2500);
        store.Thread(anna, MetricsFixture.At("2026-11-17T10:00:00Z"), amount: 1500);
        return store;
    }

    public static ProposalRequest SlaRefund(string thread, AuditActor? by = null) =>
        new(ProposalKind.Refund, ProposalSource.SlaMiss, ProposalReasons.SlaMiss, by ?? AuditActor.OpsBot, ThreadId: thread);

    public async Task<Proposed> ProposeAsync(ProposalRequest request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProposalBook>().ProposeAsync(request, CancellationToken.None);
    }

    /// <summary>
    /// A press of <paramref name="actionId"/> by a playground identity through the real dispatcher, as every adapter runs
    /// it: for presses the playground page can no longer make (the card lost its buttons). Returns the private reply.
    /// </summary>
    public async Task<string> PressDirectAsync(string actionId, string identity, string? input = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var who = scope.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Identity(identity)!;
        var result = await scope.ServiceProvider.GetRequiredService<ChatDispatcher>()
            .RunActionAsync(actionId, who.Actor, PlaygroundChannel.OpsApprovals, null, CancellationToken.None, input);
        return result.Reply?.Fallback ?? "";
    }

    /// <summary>Runs the expiry sweep step as of the host's clock.</summary>
    public async Task ExpireAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var expiry = scope.ServiceProvider.GetServices<IProposalSweepStep>().OfType<ProposalExpiry>().Single();
        await expiry.RunAsync(host.Clock.GetUtcNow(), CancellationToken.None);
    }

    public async Task<Proposal> ProposalAsync(long id)
    {
        await using var db = store.NewContext();
        return await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public async Task<string[]> AuditAsync(long id)
    {
        await using var db = store.NewContext();
        return [.. await db.AuditLog.AsNoTracking().Where(a => a.ProposalId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()];
    }

    public async Task<List<AuditEntry>> AuditLinesAsync(string action)
    {
        await using var db = store.NewContext();
        return await db.AuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The card's outbox rows: the post and, once closed, its one update.</summary>
    public async Task<string[]> CardKeysAsync(long id)
    {
        await using var db = store.NewContext();
        var prefix = ProposalBook.CardKey(id);
        return [.. await db.OutboxMessages.AsNoTracking().Where(m => m.Key == prefix || m.Key.StartsWith(prefix + ":")).OrderBy(m => m.Id).Select(m => m.Key).ToListAsync()];
    }

    /// <summary>Waits (wall clock, 20 s at most) until the outbox row <paramref name="key"/> is sent.</summary>
    public async Task WaitSentAsync(string key)
    {
        for (var until = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(25))
        {
            await using var db = store.NewContext();
            var item = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key);
            if (item?.Status == OutboxStatus.Sent) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Outbox {key} is {item?.Status.ToString() ?? "missing"}.");
        }
    }

    /// <summary>The thread is answered now (the live state a press re-checks).</summary>
    public async Task AnswerAsync(string threadId)
    {
        await using var db = store.NewContext();
        var thread = await db.Threads.SingleAsync(t => t.Id == threadId);
        db.Replies.Add(new Reply { ThreadId = threadId, MessageId = $"{threadId}_answer", At = host.Clock.GetUtcNow() });
        thread.ApplyReply(host.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
