using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class ReferralQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    // The weekly period as of T: 2026-11-13 00:00 to 2026-11-20 00:00 Berlin.
    private static readonly Period Week = new(At("2026-11-12T23:00:00Z"), At("2026-11-19T23:00:00Z"));

    [Fact]
    public async Task ForPeriod_NewActiveAndGmvPerCode()
    {
        using var f = new MetricsFixture();
        var anna = f.Creator("anna", referralCode: "ANNA");
        f.Creator("bob", referralCode: "BOB");
        var c1 = f.Creator("c1", referredBy: "ANNA", joinedAt: At("2026-11-15T10:00:00Z"));   // new in the week
        var c2 = f.Creator("c2", referredBy: "ANNA", joinedAt: At("2026-09-01T00:00:00Z"));
        var c3 = f.Creator("c3", referredBy: "ANNA", joinedAt: At("2026-08-01T00:00:00Z"));
        var c6 = f.Creator("c6", referredBy: "ANNA", joinedAt: At("2026-09-01T00:00:00Z"));
        f.Creator("c4", referredBy: "BOB", joinedAt: T.AddSeconds(1));                        // joins after T: does not exist yet
        f.Creator("c5", referredBy: "ZED", joinedAt: At("2026-11-19T22:59:59Z"));             // 23:59:59 local: new; code owner unknown
        f.Thread(c1, At("2026-11-16T10:00:00Z"), amount: 1000);
        f.Thread(c2, At("2026-10-21T09:00:00Z"), amount: 9000);                               // exactly T − 30×24h: active, not in the week
        f.Thread(c3, At("2026-10-21T08:59:59Z"), amount: 9000);                               // a second earlier: not active
        f.Thread(c6, At("2026-11-14T10:00:00Z"), amount: 2500);
        f.Thread(anna, At("2026-11-14T10:00:00Z"), amount: 50_000);                            // the referrer's own GMV is not the code's

        var rows = await (await f.QueryAsync<ReferralQuery>()).ForPeriodAsync(Week, T);

        Assert.Equal(
            [
                // ANNA: c1 new; c1, c2, c6 active; GMV in the week 1000 + 2500.
                new ReferralRow("ANNA", "anna", NewCreators: 1, ActiveCreators: 3, ReferredCreators: 4, GmvMinor: 3500),
                new ReferralRow("ZED", null, NewCreators: 1, ActiveCreators: 0, ReferredCreators: 1, GmvMinor: 0),
            ],
            rows);
    }
}
