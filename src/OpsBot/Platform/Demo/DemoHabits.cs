using static OpsBot.Platform.Demo.DemoNames;

namespace OpsBot.Platform.Demo;

/// <summary>The distributions creators' habits are drawn from: the spread the ops team sees on the real platform.</summary>
internal static class DemoHabits
{
    public static SalesHabit DrawSales(Random rng, int creatorNumber)
    {
        var fastLane = rng.Chance(0.55);
        DemoOffer[] offers = rng.Chance(0.4)
            ? Enumerable.Range(1, rng.Next(1, 4)).Select(k => new DemoOffer($"off_{creatorNumber:D6}_{k}", rng.Pick(OfferDiscounts))).ToArray()
            : [];
        return new SalesHabit(
            rng.Pick(PricesMinor), fastLane, rng.Pick(FastLaneFactors), FastShare: fastLane ? rng.Between(0.1, 0.45) : 0,
            offers, OfferShare: offers.Length > 0 ? rng.Between(0.1, 0.45) : 0,
            ThreadsPerDay: rng.Between(0.3, 3.0), VisitToCheckout: rng.Between(0.12, 0.35), CheckoutToThread: rng.Between(0.75, 0.92));
    }

    /// <summary>Quick (1–4 h), steady (4–12 h), slow (14–30 h) or chronically late.</summary>
    public static ReplyHabit DrawReplies(Random rng) => rng.NextDouble() switch
    {
        < 0.35 => new ReplyHabit(rng.Between(1, 4), 0.6, GhostRate: 0.005, DeadlineDriven: 0.02, rng.Between(0.05, 0.3)),
        < 0.73 => new ReplyHabit(rng.Between(4, 12), 0.7, GhostRate: 0.01, DeadlineDriven: 0.15, rng.Between(0.05, 0.3)),
        < 0.93 => new ReplyHabit(rng.Between(14, 30), 0.6, GhostRate: 0.03, DeadlineDriven: 0.35, rng.Between(0.05, 0.2)),
        _ => LateReplies(rng),
    };

    /// <summary>Answers around 1.5–2.5 days and often never: the creators whose threads end in sla_miss refunds.</summary>
    public static ReplyHabit LateReplies(Random rng) =>
        new(rng.Between(36, 60), 0.5, GhostRate: rng.Between(0.15, 0.3), DeadlineDriven: 0.2, rng.Between(0.02, 0.1));

    /// <summary>Most creators draw a flag now and then; about one in seven is sloppy and draws many.</summary>
    public static QualityHabit DrawQuality(Random rng) => new(
        FlagRate: rng.Chance(0.15) ? rng.Between(0.1, 0.2) : rng.Between(0.01, 0.06),
        RefundOnFlag: rng.Between(0.25, 0.6),
        OtherRefundRate: rng.Between(0.003, 0.015));
}
