using OpsBot.Data;
using OpsBot.Tests.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// A real SQLite file with a known history for the command tests, and the host's chat services over it
/// in English and German. T = 2026-11-20T09:00Z (10:00 in Berlin); the creator window is
/// [2026-10-21T09:00Z, T); month to date starts 2026-10-31T23:00Z. Comments give each thread's part.
/// </summary>
public sealed class CommandStore : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = At("2026-11-20T09:00:00Z");
    public const int EveOpen = 15;
    private readonly MetricsFixture store = new();

    public ChatSlice En { get; private set; } = null!;
    public ChatSlice De { get; private set; } = null!;

    public ChatSlice In(string culture) => culture == "de" ? De : En;

    public async Task InitializeAsync()
    {
        var anna = store.Creator("anna", referralCode: "ANNA");
        var bob = store.Creator("bob", referredBy: "ANNA");
        var cleo = store.Creator("cleo");
        var eve = store.Creator("eve");
        var dora = store.Creator("dora");
        dora.CheckoutStatus = CheckoutStatus.Banned;
        dora.FastLaneEnabled = false;

        store.Thread(anna, At("2026-11-19T08:00:00Z"), 24, amount: 2999, lane: Lane.Fast);      // t01 due 11-20T08:00Z: overdue by 1 h
        store.Thread(bob, At("2026-11-19T20:00:00Z"), 16, amount: 1999);                        // t02 due 11-20T12:00Z: 3 h left, critical
        store.Thread(anna, At("2026-11-20T08:00:00Z"), 48, amount: 123_456, offer: "o1");       // t03 due 11-22T08:00Z: 47 h left, ok, last
        store.Thread(anna, At("2026-11-18T10:00:00Z"), 24, amount: 5000)                        // t04 answered after 2 h, then flagged
            .ReplyAfterHours(2).Flag(At("2026-11-18T13:00:00Z"));
        store.Thread(anna, At("2026-11-10T10:00:00Z"), 48, amount: 1500)                        // t05 refunded unanswered, poor answer
            .Refund(At("2026-11-11T10:00:00Z"), RefundReason.PoorAnswer);
        store.Thread(bob, At("2026-11-18T09:30:00Z"), 24, amount: 1000).ReplyAfterHours(30);    // t06 answered 6 h late
        for (var i = 0; i < EveOpen; i++)                                                       // t07–t21 eve: ok, due 11-21 06:00Z…20:00Z
            store.Thread(eve, At("2026-11-20T00:00:00Z"), 30 + i, amount: 1000);
        for (var i = 0; i < 10; i++)                                                            // t22–t31 cleo: none of 10 due answered, all
            store.Thread(cleo, At("2026-10-30T00:00:00Z"), 24).Refund(At("2026-10-31T01:00:00Z")); // refunded: both outlier and high refunds
        await store.SaveAsync();

        En = new ChatSlice(store.ConnectionString, Now, "en");
        De = new ChatSlice(store.ConnectionString, Now, "de");
    }

    public async Task DisposeAsync()
    {
        await En.DisposeAsync();
        await De.DisposeAsync();
        store.Dispose();
    }
}
