using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Proposals.Playbooks;

/// <summary>
/// A store built with <see cref="MetricsFixture"/> (T = 2026-11-20T09:00Z) and the host's services over it: runs the
/// real proposal sweep job, presses buttons and types commands, and reads back what was stored.
/// </summary>
public sealed class PlaybookHarness : IAsyncDisposable
{
    public MetricsFixture Data { get; } = new();
    public ChatSlice Slice { get; private set; } = null!;
    public DateTimeOffset Now => Data.Clock.GetUtcNow();

    /// <summary>Saves what was built and starts the services; <paramref name="services"/> may change options.</summary>
    public async Task<PlaybookHarness> StartAsync(Action<IServiceCollection>? services = null, string culture = "en")
    {
        await Data.SaveAsync();
        Slice = new ChatSlice(Data.ConnectionString, Now, culture, services);
        return this;
    }

    /// <summary>Stores rows the metrics builder has no method for (refund reviews, flags with a note).</summary>
    public async Task AddAsync(params object[] rows)
    {
        await Data.SaveAsync();
        await using var db = Data.NewContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>One run of <c>ProposalSweep</c>, every step, as the scheduler runs it.</summary>
    public Task SweepAsync() => Slice.InScopeAsync(async s =>
    {
        await s.GetServices<IScheduledJob>().OfType<ProposalSweepJob>().Single().RunAsync(Now, CancellationToken.None);
        return true;
    });

    public async Task<List<Proposal>> ProposalsAsync()
    {
        await using var db = Data.NewContext();
        return await db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>The refunds proposed (other playbooks may propose more for the same data).</summary>
    public async Task<List<Proposal>> RefundsAsync() => [.. (await ProposalsAsync()).Where(p => p.Kind == ProposalKind.Refund)];

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Data.NewContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Data.NewContext();
        return await db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Moves the builder's clock and the host's together, so the next sweep, decision or row happens later.</summary>
    public void Advance(TimeSpan by)
    {
        Data.Clock.Advance(by);
        ((FakeTimeProvider)Slice.Services.GetRequiredService<TimeProvider>()).Advance(by);
    }

    /// <summary>Closes a proposal the way a decision or the expiry does: status set, open case key cleared, in one update.</summary>
    public async Task CloseAsync(long proposalId, ProposalStatus status)
    {
        await using var db = Data.NewContext();
        var now = Now;
        await db.Proposals.Where(p => p.Id == proposalId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, status)
            .SetProperty(p => p.OpenCaseKey, (string?)null)
            .SetProperty(p => p.DecidedAt, status == ProposalStatus.Expired ? (DateTimeOffset?)null : now));
    }

    public async ValueTask DisposeAsync()
    {
        if (Slice is not null) await Slice.DisposeAsync();
        Data.Dispose();
    }
}
