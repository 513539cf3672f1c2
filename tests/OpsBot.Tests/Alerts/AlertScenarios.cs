using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Alerts;

/// <summary>Small known histories, each making one alert condition hold at <see cref="AlertWorld.T0"/> (Friday 20 Nov, 10:00 Berlin).</summary>
public static class AlertScenarios
{
    /// <summary>The week before Friday 20 Nov: 20 threads created on the 17th, 2 refunded for SLA miss (€10 each), 1 for a poor answer (€25).</summary>
    public static void WeekWithRefunds(AlertWorld world)
    {
        var created = At("2026-11-17T08:00:00Z");
        // Four creators of five threads each, so no creator reaches the 10 threads of the high refund rate.
        var creators = new[] { "ann", "ben", "cat", "dan" }.Select(h => world.Store.Creator(h)).ToList();
        world.Store.Thread(creators[0], created).Refund(At("2026-11-19T09:00:00Z"), RefundReason.SlaMiss);
        world.Store.Thread(creators[1], created).Refund(At("2026-11-19T09:00:00Z"), RefundReason.SlaMiss);
        world.Store.Thread(creators[2], created, amount: 2500).ReplyAfterHours(5).Refund(At("2026-11-18T09:00:00Z"), RefundReason.PoorAnswer);
        world.AddAnswered(creators[0], created, 4);
        world.AddAnswered(creators[1], created, 4);
        world.AddAnswered(creators[2], created, 4);
        world.AddAnswered(creators[3], created, 5);
    }

    /// <summary>anna: 20 threads created on 5 Nov, 3 of them refunded for SLA miss on the 7th: 15% over 30 days, outside the week.</summary>
    public static Creator AnnaAt15Percent(AlertWorld world)
    {
        var anna = world.Store.Creator("anna");
        for (var i = 0; i < 3; i++) world.Store.Thread(anna, At("2026-11-05T08:00:00Z")).Refund(At("2026-11-07T09:00:00Z"));
        world.AddAnswered(anna, At("2026-11-05T08:00:00Z"), 17);
        return anna;
    }

    /// <summary>bob: 5 threads due on 12 Nov, one answered in time: an answer rate of 20%.</summary>
    public static Creator BobAt20Percent(AlertWorld world)
    {
        var bob = world.Store.Creator("bob");
        world.AddAnswered(bob, At("2026-11-10T08:00:00Z"), 1);
        for (var i = 0; i < 4; i++) world.Store.Thread(bob, At("2026-11-10T08:00:00Z"));
        return bob;
    }
}
