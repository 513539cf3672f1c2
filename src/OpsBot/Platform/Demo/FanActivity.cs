using static OpsBot.Platform.Demo.DemoNames;

namespace OpsBot.Platform.Demo;

/// <summary>
/// One creator's day seen from the fans: chat visits, some of which start a checkout, most of which
/// become a paid thread (the funnel, with its drop-offs).
/// </summary>
internal sealed class FanActivity(Random rng, EventSchedule schedule, DemoIds ids, ThreadLife lives, string currency, int fans)
{
    private static readonly TimeSpan StandardAllowed = TimeSpan.FromHours(48), FastAllowed = TimeSpan.FromHours(24);

    private static readonly double BusiestHour = FanActivityByHour.Max();

    public void PlayDay(DemoCreator creator, DateTimeOffset dayStart, double demand)
    {
        // Fans sit mostly in the creator's region, so the creator's zone shapes their day.
        var offset = creator.Profile.Zone.GetUtcOffset(dayStart + TimeSpan.FromHours(12));
        var visits = rng.Poisson(creator.Sales.VisitsPerDay * demand);
        for (var v = 0; v < visits; v++)
        {
            var at = FanMoment(dayStart, offset);
            var fanId = DemoIds.Next("fan", rng.Next(fans) + 1);
            if (at < creator.UpsertAt || !schedule.Add(new ChatVisited(creator.Id, fanId, at))) continue;
            if (rng.Chance(creator.Sales.VisitToCheckout))
                StartCheckout(creator, fanId, at + rng.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(20)));
        }
    }

    private void StartCheckout(DemoCreator creator, string fanId, DateTimeOffset at)
    {
        if (!creator.AcceptsCheckouts(at)) return;
        var sales = creator.Sales;
        var lane = sales.FastLaneEnabled && rng.Chance(sales.FastShare) ? Lanes.Fast : Lanes.Standard;
        var offer = sales.Offers.Count > 0 && rng.Chance(sales.OfferShare) ? rng.Pick(sales.Offers) : null;
        var checkoutId = ids.Checkout();
        if (!schedule.Add(new CheckoutStarted(checkoutId, creator.Id, lane, offer?.Id, at))) return;
        if (!rng.Chance(sales.CheckoutToThread)) return;

        var createdAt = at + rng.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        var deadlineAt = createdAt + (lane == Lanes.Fast ? FastAllowed : StandardAllowed);
        var thread = new ThreadCreated(ids.Thread(), creator.Id, fanId, checkoutId, lane, offer?.Id, Amount(sales, lane, offer), currency, createdAt, deadlineAt);
        if (schedule.Add(thread)) lives.Play(creator, thread);
    }

    /// <summary>Standard price, × the fast-lane factor on the fast lane, less the offer's discount; whole minor units.</summary>
    private static long Amount(SalesHabit sales, string lane, DemoOffer? offer)
    {
        decimal amount = sales.PriceMinor;
        if (lane == Lanes.Fast) amount *= sales.FastLaneFactor;
        if (offer is not null) amount *= (100 - offer.DiscountPercent) / 100m;
        return (long)Math.Round(amount, MidpointRounding.AwayFromZero);
    }

    /// <summary>A second of the day, drawn against fan activity by local hour (busy evenings, quiet nights).</summary>
    private DateTimeOffset FanMoment(DateTimeOffset dayStart, TimeSpan offset)
    {
        while (true)
        {
            var at = dayStart + rng.Between(TimeSpan.Zero, TimeSpan.FromSeconds(86_399));
            if (rng.NextDouble() * BusiestHour < FanActivityByHour[(at + offset).Hour]) return at;
        }
    }
}
