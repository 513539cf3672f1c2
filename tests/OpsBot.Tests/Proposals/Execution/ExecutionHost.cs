using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Proposals.Execution;
using OpsBot.Tests.Fixtures;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Tests.Proposals.Execution;

/// <summary>
/// A real host whose execution and outbox workers poll every 50 ms, over a store with creator @anna (<c>c_anna</c>,
/// German locale) and her thread <c>t01</c> (25.00 EUR, overdue and open at the host's clock); helpers to propose,
/// approve as the decision's hand-off does, and wait for the execution.
/// </summary>
internal static class ExecutionHost
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly AuditActor Mara = new("playground:mara", "Mara");

    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        if (database is null)
        {
            database = new TestDatabase();
            await SeedAsync(database);
        }
        var all = new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Proposals:Execution:PollInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        return await TestHost.StartAsync(all, Now, database);
    }

    public static async Task SeedAsync(TestDatabase database, Action<Creator>? creator = null)
    {
        var anna = new Creator
        {
            Id = "c_anna", Handle = "anna", HandleKey = "anna", DisplayName = "Anna", Locale = "de-DE", StandardPriceMinor = 1000, Currency = "EUR",
            FastLaneFactor = 1.5m, FastLaneEnabled = true, CheckoutStatus = CheckoutStatus.Active, JoinedAt = Now.AddYears(-1),
        };
        creator?.Invoke(anna);
        var created = Now.AddDays(-3);
        await using var db = database.NewContext();
        db.Creators.Add(anna);
        db.Threads.Add(new Thread
        {
            Id = "t01", CreatorId = "c_anna", FanId = "fan", AmountMinor = 2500, Currency = "EUR", CreatedAt = created,
            DeadlineAt = created.AddHours(48), AllowedMs = (long)TimeSpan.FromHours(48).TotalMilliseconds,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A refund the platform's refund job asked to review, of <paramref name="thread"/>.</summary>
    public static ProposalRequest ReviewRefund(string thread) => new(ProposalKind.Refund, ProposalSource.RefundReview, ProposalReasons.RefundReview, AuditActor.OpsBot,
        ThreadId: thread, Evidence: "creator_requested_extension: Creator asked for more time.");

    public static ProposalRequest SlaRefund => new(ProposalKind.Refund, ProposalSource.SlaMiss, ProposalReasons.SlaMiss, AuditActor.OpsBot, ThreadId: "t01");

    public static async Task<Proposal> ProposeAsync(this TestHost host, ProposalRequest request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProposalBook>().ProposeAsync(request, CancellationToken.None)).Proposal;
    }

    /// <summary>
    /// What an approver's press hands to the queue (helper-proposals.md): in one conditional UPDATE of the open
    /// proposal, Approved, case freed, execution Pending and due now; then the worker is woken.
    /// </summary>
    public static async Task ApproveAsync(this TestHost host, long proposalId)
    {
        var now = host.Clock.GetUtcNow();
        await using (var db = host.Database.NewContext())
        {
            var approved = await db.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Open).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, ProposalStatus.Approved)
                .SetProperty(p => p.OpenCaseKey, (string?)null)
                .SetProperty(p => p.DecidedBy, Mara.Id)
                .SetProperty(p => p.DecidedByName, Mara.Name)
                .SetProperty(p => p.DecidedAt, now)
                .SetProperty(p => p.Execution, ExecutionStatus.Pending)
                .SetProperty(p => p.NextExecutionAt, now));
            Assert.Equal(1, approved);
        }
        host.Services.GetRequiredService<ExecutionSignal>().Wake();
    }

    /// <summary>Waits (wall clock) until the proposal satisfies <paramref name="done"/>.</summary>
    public static async Task<Proposal> WaitForAsync(this TestDatabase database, long proposalId, Func<Proposal, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = database.NewContext())
            {
                var p = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId);
                if (done(p)) return p;
                if (DateTime.UtcNow > until) throw new TimeoutException($"{p.Number} is {p.Execution} after {p.ExecutionAttempts} attempts: {p.ExecutionError}");
            }
            await Task.Delay(25);
        }
    }

    public static Task<Proposal> WaitForAsync(this TestDatabase database, long proposalId, ExecutionStatus state, int attempts) =>
        database.WaitForAsync(proposalId, p => p.Execution == state && p.ExecutionAttempts == attempts);

    /// <summary>Lets the workers run a few rounds, to show that something does not happen.</summary>
    public static Task SettleAsync() => Task.Delay(400);
}
