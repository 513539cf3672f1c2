using System.Buffers.Binary;
using OpsBot.Chat;
using OpsBot.Data;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Digest;

public sealed class DigestChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Weekly_CarriesThreePngChartsWithAltTextOfTheirNumbers()
    {
        using var f = new DigestFixture();
        var anna = f.Store.Creator("anna");
        f.Store.Thread(anna, At("2026-11-16T10:00:00Z"), 48, amount: 4000).Refund(At("2026-11-16T12:00:00Z"), RefundReason.SlaMiss);
        f.Store.Thread(anna, At("2026-11-16T11:00:00Z"), 48, amount: 2000).ReplyAfterHours(3);
        f.Store.Thread(anna, At("2026-11-09T10:00:00Z"), 48, amount: 1500).ReplyAfterHours(3);   // Mon a week before
        f.Store.Visit(anna, At("2026-11-16T09:00:00Z"));
        f.Store.Checkout(anna, At("2026-11-16T09:30:00Z"));

        var message = await (await f.MessagesAsync()).WeeklyAsync();
        var images = message.Blocks.OfType<ImageBlock>().ToList();

        Assert.Equal(["gmv-per-day.png", "refund-rate-per-day.png", "funnel.png"], images.Select(i => i.FileName));
        foreach (var image in images)
        {
            Assert.Equal(PngSignature, image.Png[..8]);
            Assert.InRange(image.Png.Length, 5_000, 500_000);
            // IHDR: width and height, big-endian, right after the signature and the chunk header.
            Assert.Equal((800, 400), (BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.Png.AsSpan(20))));
        }
        Assert.Contains("Mon 16 Nov €60.00 (€15.00)", images[0].AltText);
        Assert.Contains("Mon 16 Nov 50.0% (SLA miss 1, poor answer 0, other 0 of 2 threads)", images[1].AltText);
        Assert.Equal("Funnel this week: 1 visits, 1 checkouts, 2 threads, 1 first replies.", images[2].AltText);
        // The same numbers as text, for clients that show no images.
        var days = message.Blocks.OfType<TableBlock>().Single(t => t.Columns[0] == "Day");
        Assert.Equal(["Mon 16 Nov", "€60.00", "€15.00", "50.0%", "1", "0", "0"], days.Rows.Single(r => r[0] == "Mon 16 Nov"));
        Assert.Equal(7, days.Rows.Count);

        if (Environment.GetEnvironmentVariable("OPSBOT_CHART_DIR") is { Length: > 0 } dir)
            foreach (var image in images) await File.WriteAllBytesAsync(Path.Combine(dir, image.FileName), image.Png);
    }
}
