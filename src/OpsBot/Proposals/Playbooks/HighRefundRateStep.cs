using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// High refund rate (metrics.md: refunds issued ÷ threads created over [T − 30×24h, T) above 10%, with at least 10
/// threads, both from <c>OpsBot:HighRefundRate</c>) → a proposal to put the creator's checkout into maintenance. The metric's own query decides, so the
/// proposal names exactly the creators the digest and the creator card mark.
/// </summary>
public sealed class HighRefundRateStep(OpsDbContext db, HighRefundRateQuery highRefunds, PlaybookProposer proposer, OpsFormat format, OpsText text)
    : IProposalSweepStep
{
    public string Name => "HighRefundRate";

    private Texts T => text.Of(PlaybookText.Resources);

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var high = await highRefunds.FindAsync(now, ct: ct);
        if (high.Count == 0) return;
        var handles = high.Select(h => h.Handle).ToList();
        // The query names creators by handle; a creator not upserted yet has no checkout to disable.
        var active = await db.Creators.AsNoTracking()
            .Where(c => handles.Contains(c.Handle) && c.CheckoutStatus == CheckoutStatus.Active)
            .ToDictionaryAsync(c => c.Handle, c => c.Id, ct);
        var found = high
            .Where(h => active.ContainsKey(h.Handle))
            .Select(h => new ProposalRequest(ProposalKind.DisableCheckout, ProposalSource.HighRefundRate, ProposalReasons.HighRefundRate,
                AuditActor.OpsBot, CreatorId: active[h.Handle],
                Evidence: T.Format("Evidence.HighRefundRate", format.Percent(h.Rate), h.Refunds, h.ThreadsCreated)))
            .ToList();
        await proposer.ProposeAsync(Name, found, decisionsSince: now - CreatorWindow.Length, ct);
    }
}
