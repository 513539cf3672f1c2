using System.Text.Json;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary>The phrases the creator card and the digest share, so a number reads the same in both.</summary>
internal sealed class MetricsText(OpsFormat format, TextWriter output)
{
    private const int LabelWidth = 16;

    public OpsFormat Format => format;

    public void Line(string label, string value) => output.WriteLine($"{label.PadRight(LabelWidth)}{value}");

    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    public string Period(Period period) => $"{format.Time(period.From)} – {format.Time(period.To)}";

    public string ReplyTimes(ReplyTimes r) =>
        $"{Summary(r.Count, r.Mean, r.Median, r.P90)}; standard lane {Short(r.ByLane.Standard)}, fast lane {Short(r.ByLane.Fast)}";

    public string Refunds(RefundSummary r) =>
        $"{r.Count} ({format.Money(r.AmountMinor)}), rate {format.Percent(r.Rate)} of {format.Number(r.ThreadsCreated)} threads created; " +
        $"sla_miss {r.ByReason.SlaMiss}, poor_answer {r.ByReason.PoorAnswer}, other {r.ByReason.Other}";

    public string AnswerRate(double? rate, int due) => due == 0 ? $"{format.Percent(rate)} (none due)" : $"{format.Percent(rate)} of {format.Number(due)} due";

    /// <summary>The reasons, then the samples behind them (a sample the creator has none of is left out).</summary>
    public string Outlier(CreatorOutlier o)
    {
        var samples = new List<string>();
        if (o.DueThreads > 0) samples.Add("answer rate " + AnswerRate(o.AnswerRate, o.DueThreads));
        if (o.AnsweredThreads > 0)
            samples.Add($"mean reply {format.Hours(o.MeanReplyHours)} vs {format.Hours(o.MeanAllowedHours)} allowed (n = {format.Number(o.AnsweredThreads)})");
        return $"{string.Join(", ", o.Reasons.Select(Name))}: {string.Join("; ", samples)}";
    }

    public string HighRefundRate(HighRefundRate h) => $"{format.Percent(h.Rate)} ({h.Refunds} refunds of {h.ThreadsCreated} threads)";

    /// <summary>The JSON name of an enum value (<c>answer_rate</c>), so text and JSON use the same words.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private string Summary(int count, double? mean, double? median, double? p90) =>
        count == 0 ? "no first replies" : $"mean {format.Hours(mean)}, median {format.Hours(median)}, p90 {format.Hours(p90)} (n = {format.Number(count)})";

    private string Short(ReplyHours lane) => lane.Count == 0 ? "none" : $"mean {format.Hours(lane.Mean)} (n = {format.Number(lane.Count)})";
}
