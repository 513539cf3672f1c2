using OpsBot.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Metrics;

public sealed class HighRefundRateQueryTests
{
    private static readonly DateTimeOffset T = At("2026-11-20T09:00:00Z");
    private static readonly DateTimeOffset InWindow = At("2026-11-10T00:00:00Z");

    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        Threads(f, "ten", created: 10, refunded: 1);      // exactly 10%: not above (its second refund comes after T)
        Threads(f, "two", created: 10, refunded: 2);      // 20%
        Threads(f, "eleven", created: 11, refunded: 2);   // 2/11 ≈ 18%
        Threads(f, "nine", created: 9, refunded: 5);      // fewer than 10 threads
        return f;
    }

    private static void Threads(MetricsFixture f, string handle, int created, int refunded)
    {
        var creator = f.Creator(handle);
        for (var i = 0; i < created; i++)
        {
            var thread = f.Thread(creator, InWindow);
            if (i < refunded) thread.Refund(InWindow.AddHours(49));
            // A refund a second after T does not exist yet: counting it would make "ten" 20%.
            else if (i == refunded) thread.Refund(T.AddSeconds(1));
        }
    }

    [Fact]
    public async Task Find_AboveTenPercentWithAtLeastTenThreads_HighestFirst()
    {
        using var f = Build();

        var high = await (await f.QueryAsync<HighRefundRateQuery>()).FindAsync(T);

        Assert.Equal([new HighRefundRate("c_two", "two", 2, 10, 0.2), new HighRefundRate("c_eleven", "eleven", 2, 11, 2.0 / 11)], high);
    }

    [Fact]
    public async Task Find_OneCreator_ExactlyTenPercent_NotFlagged()
    {
        using var f = Build();
        var query = await f.QueryAsync<HighRefundRateQuery>();

        Assert.Empty(await query.FindAsync(T, "c_ten"));
        Assert.Equal("two", Assert.Single(await query.FindAsync(T, "c_two")).Handle);
    }
}
