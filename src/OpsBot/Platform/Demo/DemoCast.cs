using System.Globalization;
using static OpsBot.Platform.Demo.DemoNames;

namespace OpsBot.Platform.Demo;

/// <summary>
/// Draws the creators of a demo history: profiles, prices, habits, when they joined, who referred whom,
/// and the few ops had to put into maintenance or ban.
/// </summary>
internal static class DemoCast
{
    private static readonly Dictionary<string, TimeZoneInfo> Zones =
        TimeZones.Distinct().ToDictionary(id => id, TimeZoneInfo.FindSystemTimeZoneById);

    public static DemoCreator[] Draw(Random rng, int count, DateTimeOffset windowStart, DateTimeOffset asOf)
    {
        var handles = new Dictionary<string, int>();
        var creators = new DemoCreator[count];
        for (var i = 0; i < count; i++) creators[i] = DrawOne(rng, i + 1, handles, windowStart, asOf);
        AssignStatusChanges(rng, creators, windowStart, asOf);
        AssignReferrals(rng, creators, windowStart);
        return creators;
    }

    private static DemoCreator DrawOne(Random rng, int number, Dictionary<string, int> handles, DateTimeOffset windowStart, DateTimeOffset asOf)
    {
        var profile = DrawProfile(rng, handles);
        var joinsInWindow = rng.Chance(0.3);
        var joinedAt = joinsInWindow ? windowStart + rng.Between((asOf - windowStart) * 0.02, (asOf - windowStart) * 0.9) : JoinedBefore(rng, windowStart);
        var sales = DemoHabits.DrawSales(rng, number);
        // A quarter of new sign-ups never really get going: the referral funnel's "active: no".
        if (joinsInWindow && rng.Chance(0.25)) sales = sales with { ThreadsPerDay = sales.ThreadsPerDay * 0.05 };
        var code = rng.Chance(joinsInWindow ? 0.45 : 0.3)
            ? string.Create(CultureInfo.InvariantCulture, $"{profile.DisplayName.Split(' ')[0].ToUpperInvariant()}{number}")
            : null;
        return new DemoCreator(number, profile, sales, DemoHabits.DrawReplies(rng), DemoHabits.DrawQuality(rng),
            joinedAt, UpsertAt: joinsInWindow ? joinedAt : windowStart, code, ReferredByCode: null, StatusChange: null);
    }

    /// <summary>Creators who joined before the window are described by an upsert at its start.</summary>
    private static DateTimeOffset JoinedBefore(Random rng, DateTimeOffset windowStart) =>
        windowStart - rng.Between(TimeSpan.FromDays(7), TimeSpan.FromDays(720));

    private static CreatorProfile DrawProfile(Random rng, Dictionary<string, int> handles)
    {
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var handle = UniqueHandle($"{first}.{last}".ToLowerInvariant(), handles);
        var zone = Zones[rng.Pick(TimeZones)];
        var locale = GermanSpeakingZones.Contains(zone.Id) && rng.Chance(0.85) ? "de" : "en";
        var email = rng.Chance(0.9) ? $"{handle}@{rng.Pick(EmailDomains)}" : null;
        var slack = rng.Chance(0.4) ? "U" + new string(rng.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)) : null;
        var discord = rng.Chance(0.25) ? rng.NextInt64(100_000_000_000_000_000, 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture) : null;
        return new CreatorProfile(handle, $"{first} {last}", email, zone, locale, slack, discord);
    }

    /// <summary>Names repeat, handles must not: the second lena.kraus becomes lena.kraus2 (bases hold no digits, so no clash).</summary>
    private static string UniqueHandle(string name, Dictionary<string, int> handles)
    {
        var seen = handles.GetValueOrDefault(name);
        handles[name] = seen + 1;
        return seen == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}{seen + 1}");
    }

    /// <summary>
    /// One creator per 40 (at least one) is banned mid-window after chronic lateness, and one per 40 went
    /// into maintenance in the last days; both stop taking checkouts from then on. Fewer than 3 creators: all stay active.
    /// </summary>
    private static void AssignStatusChanges(Random rng, DemoCreator[] creators, DateTimeOffset windowStart, DateTimeOffset asOf)
    {
        if (creators.Length < 3) return;
        var perStatus = (creators.Length + 39) / 40;
        var order = Enumerable.Range(0, creators.Length).ToArray();
        rng.Shuffle(order);
        var window = asOf - windowStart;
        for (var k = 0; k < perStatus; k++)
        {
            var banned = creators[order[k]];
            creators[order[k]] = banned with
            {
                Replies = DemoHabits.LateReplies(rng), JoinedAt = JoinedBefore(rng, windowStart), UpsertAt = windowStart,
                StatusChange = new StatusChange("banned", windowStart + rng.Between(window * 0.4, window * 0.7)),
            };
            var paused = creators[order[perStatus + k]];
            var pausedAt = asOf - rng.Between(TimeSpan.FromHours(6), TimeSpan.FromHours(72));
            creators[order[perStatus + k]] = paused with
            {
                JoinedAt = JoinedBefore(rng, windowStart), UpsertAt = windowStart,
                StatusChange = new StatusChange("maintenance", pausedAt > windowStart + window / 2 ? pausedAt : windowStart + window / 2),
            };
        }
    }

    /// <summary>
    /// In order of joining, a creator may be referred by an earlier creator holding a code; half the time
    /// by one of the five who joined most recently, as new creators recruit most. Referred creators can
    /// hold codes themselves, so chains form (A brings B, B brings C).
    /// </summary>
    private static void AssignReferrals(Random rng, DemoCreator[] creators, DateTimeOffset windowStart)
    {
        var codes = new List<string>();
        foreach (var i in Enumerable.Range(0, creators.Length).OrderBy(i => creators[i].JoinedAt).ThenBy(i => i))
        {
            var creator = creators[i];
            if (codes.Count > 0 && rng.Chance(creator.JoinedAt >= windowStart ? 0.75 : 0.15))
                creators[i] = creator with { ReferredByCode = rng.Chance(0.5) ? codes[^(1 + rng.Next(Math.Min(5, codes.Count)))] : rng.Pick(codes) };
            if (creator.ReferralCode is { } code) codes.Add(code);
        }
    }
}
