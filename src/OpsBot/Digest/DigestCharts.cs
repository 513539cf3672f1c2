using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace OpsBot.Digest;

/// <summary>
/// The weekly digest's charts as PNG images (ScottPlot on SkiaSharp, headless). Labels and numbers follow
/// OpsBot:Culture; every chart's alt text states the numbers it draws, for readers who see no image.
/// </summary>
public sealed class DigestCharts(DigestPhrases phrases)
{
    private const int Width = 800, Height = 400;
    private static readonly Color ThisWeek = Color.FromHex("#1f77b4"), WeekBefore = Color.FromHex("#9e9e9e");
    private static readonly Color[] ReasonColors = [Color.FromHex("#d62728"), Color.FromHex("#ff7f0e"), Color.FromHex("#7f7f7f")];
    /// <summary>ScottPlot's own guess of a sans font picks DejaVu Serif on Debian: prefer a real sans font where one is installed.</summary>
    private static readonly string Font = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial" }
        .FirstOrDefault(SKFontManager.Default.FontFamilies.Contains) ?? Fonts.Default;

    private Texts T => phrases.T;
    private OpsFormat Format => phrases.Format;

    /// <summary>GMV per local day of this week, against the same weekday of the week before.</summary>
    public ImageBlock GmvPerDay(IReadOnlyList<DayFigures> days)
    {
        using var plot = NewPlot(T["Chart.Gmv.Title"], days);
        var xs = Positions(days.Count);
        var before = plot.Add.Scatter(xs, days.Select(d => (double)d.WeekBeforeGmvMinor).ToArray(), WeekBefore);
        before.LegendText = T["Chart.WeekBefore"];
        before.LinePattern = LinePattern.Dashed;
        var now = plot.Add.Scatter(xs, days.Select(d => (double)d.GmvMinor).ToArray(), ThisWeek);
        now.LegendText = T["Chart.ThisWeek"];
        now.LineWidth = 3;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => Format.Money((long)Math.Round(v)) };
        FromZero(plot, days.Max(d => Math.Max(d.GmvMinor, d.WeekBeforeGmvMinor)));
        plot.ShowLegend(Edge.Bottom);
        var alt = string.Join("; ", days.Select(d => T.Format("Chart.Gmv.AltDay", phrases.Day(d.Date), Format.Money(d.GmvMinor), Format.Money(d.WeekBeforeGmvMinor))));
        return Image("gmv-per-day.png", plot, T.Format("Chart.Gmv.Alt", alt));
    }

    /// <summary>Each day's refund rate as a bar stacked by reason: a reason's share is its refunds ÷ the day's threads created.</summary>
    public ImageBlock RefundRatePerDay(IReadOnlyList<DayFigures> days)
    {
        using var plot = NewPlot(T["Chart.Refunds.Title"], days);
        var bars = new List<Bar>();
        for (var i = 0; i < days.Count; i++)
        {
            var (created, bottom) = (days[i].Refunds.ThreadsCreated, 0d);
            foreach (var (count, color) in ReasonCounts(days[i].Refunds).Zip(ReasonColors))
            {
                var rate = created == 0 ? 0 : (double)count / created;
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + rate, FillColor = color, LineWidth = 0 });
                bottom += rate;
            }
        }
        plot.Add.Bars(bars);
        foreach (var (label, color) in ReasonLabels().Zip(ReasonColors))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => Format.Percent(v) };
        FromZero(plot, days.Max(d => d.Refunds.Rate ?? 0));
        plot.ShowLegend(Edge.Bottom);
        var alt = string.Join("; ", days.Select(d => T.Format("Chart.Refunds.AltDay",
            phrases.Day(d.Date), Format.Percent(d.Refunds.Rate), Format.Number(d.Refunds.ByReason.SlaMiss), Format.Number(d.Refunds.ByReason.PoorAnswer), Format.Number(d.Refunds.ByReason.Other),
            Format.Number(d.Refunds.ThreadsCreated))));
        return Image("refund-rate-per-day.png", plot, T.Format("Chart.Refunds.Alt", alt));
    }

    /// <summary>Visits → checkouts → threads → first replies, each bar labelled with its count and its rate of the step before.</summary>
    public ImageBlock Funnel(Funnel f)
    {
        using var plot = NewPlot(T["Chart.Funnel.Title"]);
        long[] counts = [f.Visits, f.Checkouts, f.Threads, f.FirstReplies];
        double?[] rates = [null, f.Rates.VisitToCheckout, f.Rates.CheckoutToThread, f.Rates.ThreadToFirstReply];
        plot.Add.Bars(counts.Select((c, i) => new Bar
        {
            Position = i, Value = c, FillColor = ThisWeek, LineWidth = 0,
            Label = i == 0 ? Format.Number(c) : $"{Format.Number(c)} ({Format.Percent(rates[i])})",
        }).ToList());
        string[] steps = [T["Funnel.Visits"], T["Funnel.Checkouts"], T["Funnel.Threads"], T["Funnel.FirstReplies"]];
        plot.Axes.Bottom.SetTicks(Positions(steps.Length), steps);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => Format.Number((long)v) };
        FromZero(plot, counts.Max());
        return Image("funnel.png", plot, T.Format("Chart.Funnel.Alt", Format.Number(f.Visits), Format.Number(f.Checkouts), Format.Number(f.Threads), Format.Number(f.FirstReplies)));
    }

    private Plot NewPlot(string title, IReadOnlyList<DayFigures> days)
    {
        var plot = NewPlot(title);
        plot.Axes.Bottom.SetTicks(Positions(days.Count), days.Select(d => phrases.Day(d.Date)).ToArray());
        return plot;
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        return plot;
    }

    private string[] ReasonLabels() => [T["Reason.SlaMiss"], T["Reason.PoorAnswer"], T["Reason.Other"]];

    private static int[] ReasonCounts(RefundSummary r) => [r.ByReason.SlaMiss, r.ByReason.PoorAnswer, r.ByReason.Other];

    private static double[] Positions(int count) => Enumerable.Range(0, count).Select(i => (double)i).ToArray();

    /// <summary>Values start at zero with headroom for labels; an all-zero chart still gets a visible scale.</summary>
    private static void FromZero(Plot plot, double max) => plot.Axes.SetLimitsY(0, max > 0 ? max * 1.2 : 1);

    private static ImageBlock Image(string fileName, Plot plot, string alt) => new(fileName, plot.GetImageBytes(Width, Height, ImageFormat.Png), alt);
}
