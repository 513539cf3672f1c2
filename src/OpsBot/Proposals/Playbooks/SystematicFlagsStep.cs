using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals.Playbooks;

/// <summary>
/// Systematic flags: a creator whose answers drew <see cref="PlaybookOptions.FlagsForPriceCut"/> flags in
/// <see cref="PlaybookOptions.Window"/> → a price cut by <see cref="PlaybookOptions.PriceCut"/> (fans pay less for
/// answers that keep disappointing them). When the flags are many (<see cref="PlaybookOptions.FlagsForCheckoutStop"/>)
/// or severe (<see cref="PlaybookOptions.SevereFlagsForCheckoutStop"/> with a <see cref="PlaybookOptions.SevereFlagReasons"/>
/// reason), a cheaper price is the wrong answer: it proposes a temporary checkout stop instead.
/// </summary>
public sealed class SystematicFlagsStep(OpsDbContext db, PlaybookProposer proposer, IOptions<PlaybookOptions> options, OpsText text) : IProposalSweepStep
{
    public string Name => "SystematicFlags";

    private Texts T => text.Of(PlaybookText.Resources);

    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var window = Period.Before(now, settings.Window);
        var flags = await (
            from f in db.MessageFlags
            where f.At >= window.From && f.At < window.To
            join t in db.Threads on f.ThreadId equals t.Id
            join c in db.Creators on t.CreatorId equals c.Id
            where c.CheckoutStatus == CheckoutStatus.Active
            select new { c.Id, c.StandardPriceMinor, f.Reason }).ToListAsync(ct);
        var severe = settings.SevereReasons;
        var found = flags
            .GroupBy(f => (f.Id, f.StandardPriceMinor))
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => Propose(g.Key.Id, g.Key.StandardPriceMinor, [.. g.Select(f => f.Reason)], settings, severe))
            .OfType<ProposalRequest>()
            .ToList();
        await proposer.ProposeAsync(Name, found, decisionsSince: now - settings.Window, ct);
    }

    /// <returns>The proposal for one creator's flags, or null when they are too few.</returns>
    private ProposalRequest? Propose(string creatorId, long priceMinor, List<string> reasons, PlaybookOptions settings, IReadOnlySet<string> severe)
    {
        var stop = reasons.Count >= settings.FlagsForCheckoutStop || reasons.Count(severe.Contains) >= settings.SevereFlagsForCheckoutStop;
        if (!stop && reasons.Count < settings.FlagsForPriceCut) return null;
        var byReason = reasons.GroupBy(r => r).OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Count()}");
        var evidence = T.Format("Evidence.Flags", reasons.Count, settings.Window.TotalDays, string.Join(", ", byReason));
        return stop
            ? new ProposalRequest(ProposalKind.DisableCheckout, ProposalSource.SystematicFlags, ProposalReasons.SystematicFlags,
                AuditActor.OpsBot, CreatorId: creatorId, Evidence: evidence)
            : new ProposalRequest(ProposalKind.AdjustPrice, ProposalSource.SystematicFlags, ProposalReasons.SystematicFlags,
                AuditActor.OpsBot, CreatorId: creatorId, Evidence: evidence, NewPriceMinor: Cut(priceMinor, settings.PriceCut));
    }

    /// <summary>The price less the cut, in whole minor units (half a cent rounds up, in the creator's favour).</summary>
    public static long Cut(long priceMinor, decimal cut) => (long)Math.Round(priceMinor * (1 - cut), MidpointRounding.AwayFromZero);
}
