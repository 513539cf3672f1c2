using OpsBot.Chat;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>
/// The daily and weekly digests as chat-neutral messages, for <c>/digest</c> and for anything that posts
/// them to a channel on a schedule. T defaults to now from the injected clock.
/// </summary>
public sealed class DigestMessages(
    DigestQuery digests, AlertConditions alerts, DaySeriesQuery days, PriceReviewQuery priceReview,
    OpsCalendar calendar, TimeProvider clock, DailyDigestMessage daily, WeeklyDigestMessage weekly)
{
    public async Task<ChatMessage> DailyAsync(DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var digest = await digests.RunAsync(DigestKind.Daily, asOf ?? clock.GetUtcNow(), ct);
        var state = await alerts.RunAsync(digest.AsOf, digest.Outliers, digest.HighRefundRate, ct);
        return daily.Build(digest, state);
    }

    public async Task<ChatMessage> WeeklyAsync(DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var t = asOf ?? clock.GetUtcNow();
        var week = calendar.Weekly(t);
        // The 7 local days before this week: [midnight 14 days before today, start of this week).
        var weekBefore = new Period(calendar.LocalMidnight(DateOnly.FromDateTime(calendar.ToLocal(week.From)).AddDays(-7)), week.From);
        var thisWeek = await digests.ForPeriodAsync(week, t, ct);
        var figures = new WeeklyFigures(
            thisWeek,
            await digests.ForOtherPeriodAsync(weekBefore, thisWeek, ct),
            await days.RunAsync(week, t, ct),
            await priceReview.RunAsync(week, t, thisWeek.Outliers, ct));
        return weekly.Build(figures);
    }
}
