using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Proposals.Decisions;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// The closing UPDATE itself, below the press's rules: a decision that reaches it after the proposal's expiry (the press
/// checked a moment before; a retried transaction may come much later) must not be taken.
/// </summary>
public sealed class ProposalClosingTests : IAsyncLifetime
{
    private static readonly AuditActor Mara = new("playground:mara", "Mara");
    private readonly MetricsFixture data = ProposalDesk.NewStore();
    private ChatSlice slice = null!;

    public async Task InitializeAsync()
    {
        await data.SaveAsync();
        slice = new ChatSlice(data.ConnectionString, ProposalDesk.Now);
    }

    public async Task DisposeAsync()
    {
        await slice.DisposeAsync();
        data.Dispose();
    }

    [Theory]
    [InlineData(ProposalStatus.Approved, AuditActions.ProposalApproved)]
    [InlineData(ProposalStatus.Rejected, AuditActions.ProposalRejected)]
    public async Task Decision_ReachingTheUpdateAfterExpiry_ExpiresTheProposalInstead(ProposalStatus decision, string action)
    {
        var open = (await slice.InScopeAsync(s => s.GetRequiredService<ProposalBook>().ProposeAsync(ProposalDesk.SlaRefund("t01"), CancellationToken.None))).Proposal;
        ((FakeTimeProvider)slice.Services.GetRequiredService<TimeProvider>()).SetUtcNow(open.ExpiresAt);

        var closed = await slice.InScopeAsync(s => s.GetRequiredService<ProposalClosing>()
            .CloseAsync(open.Id, new Closing(decision, Mara, action, Note: "too late"), CancellationToken.None));

        Assert.Equal((ProposalStatus.Expired, ExecutionStatus.None, null), (closed!.Status, closed.Execution, closed.DecidedBy));
        await using var db = data.NewContext();
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalExpired],
            await db.AuditLog.Where(a => a.ProposalId == open.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Decision_JustBeforeExpiry_IsTaken()
    {
        var open = (await slice.InScopeAsync(s => s.GetRequiredService<ProposalBook>().ProposeAsync(ProposalDesk.SlaRefund("t01"), CancellationToken.None))).Proposal;
        ((FakeTimeProvider)slice.Services.GetRequiredService<TimeProvider>()).SetUtcNow(open.ExpiresAt.AddMilliseconds(-1));

        var closed = await slice.InScopeAsync(s => s.GetRequiredService<ProposalClosing>()
            .CloseAsync(open.Id, new Closing(ProposalStatus.Approved, Mara, AuditActions.ProposalApproved), CancellationToken.None));

        Assert.Equal((ProposalStatus.Approved, ExecutionStatus.Pending, "playground:mara"), (closed!.Status, closed.Execution, closed.DecidedBy));
    }
}
