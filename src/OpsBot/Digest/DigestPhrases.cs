using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Digest;

/// <summary>The phrases both digests share, so a figure reads the same in the daily and the weekly one.</summary>
public sealed class DigestPhrases(OpsFormat format, OpsText text)
{
    public Texts T { get; } = text.Of(DigestText.Resources);

    public OpsFormat Format => format;

    public string AnswerRate(double? rate, int due) =>
        due == 0 ? T.Format("AnswerRate.NoneDue", format.Percent(rate)) : T.Format("AnswerRate.OfDue", format.Percent(rate), format.Number(due));

    public string ReplyTimes(ReplyTimes r) => r.Count == 0
        ? T["ReplyTime.None"]
        : T.Format("ReplyTime.Summary", format.Hours(r.Mean), format.Hours(r.Median), format.Hours(r.P90), format.Number(r.Count));

    public string Share(double? byGmv, double? byCount) => T.Format("Share", format.Percent(byGmv), format.Percent(byCount));

    public RichText Refunds(RefundSummary r) => T.Rich("Refunds.Summary",
        format.Number(r.Count), format.Money(r.AmountMinor), format.Percent(r.Rate), format.Number(r.ThreadsCreated),
        format.Number(r.ByReason.SlaMiss), format.Number(r.ByReason.PoorAnswer), format.Number(r.ByReason.Other));

    public RichText Funnel(Funnel f) => T.Rich("Funnel.Summary",
        format.Number(f.Visits), format.Number(f.Checkouts), format.Percent(f.Rates.VisitToCheckout),
        format.Number(f.Threads), format.Percent(f.Rates.CheckoutToThread),
        format.Number(f.FirstReplies), format.Percent(f.Rates.ThreadToFirstReply));

    /// <summary>The local days a period covers, first to last: "Fri 13 Nov – Thu 19 Nov".</summary>
    public string Days(Period period, OpsCalendar calendar)
    {
        var first = DateOnly.FromDateTime(calendar.ToLocal(period.From));
        var last = DateOnly.FromDateTime(calendar.ToLocal(period.To)).AddDays(-1);
        return first == last ? Day(first) : $"{Day(first)} – {Day(last)}";
    }

    public string Day(DateOnly date) => date.ToString(T["Format.Day"], format.Culture);

    public RichText AsOf(DateTimeOffset asOf, string timeZone) => T.Rich("AsOf", format.Time(asOf), timeZone);

    public ChatField Field(string labelKey, string value) => new(T[labelKey], RichText.Plain(value));

    public static IReadOnlyList<string> Row(params string[] cells) => cells;

    /// <summary>A warning line: the sign is part of the text so every renderer shows it.</summary>
    public TextBlock Warning(string key, params object?[] args) => new(RichText.Plain("⚠ ").Append(T.Rich(key, args)));
}
