using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Formatting;

namespace OpsBot.Alerts;

/// <summary>
/// The alert posts: open (raised, then rewritten in place while it holds), cleared (its final state, rewritten in
/// place once) and the one short all-clear line. Read-only: no buttons, ever.
/// </summary>
public sealed class AlertMessages(OpsText text, OpsFormat format, IOptions<AlertSweepOptions> options)
{
    private Texts T => text.Of(AlertText.Resources);

    /// <param name="asOf">The sweep occurrence these figures belong to.</param>
    public ChatMessage Open(AlertFigures figures, DateTimeOffset raisedAt, DateTimeOffset asOf)
    {
        var title = Title(figures);
        var context = T.Rich("Open.Context", format.TimeValue(raisedAt), format.TimeValue(asOf), ClearsAt(figures), options.Value.ClearAfterSweeps);
        return new ChatMessage(T.Format("Open.Fallback", title, Summary(figures)),
            [new HeaderBlock(T.Format("Open.Header", title)), .. Body(figures), new ContextBlock(context)], []);
    }

    public ChatMessage Cleared(AlertFigures figures, DateTimeOffset raisedAt, DateTimeOffset clearedAt)
    {
        var title = Title(figures);
        var context = T.Rich("Cleared.Context", format.TimeValue(raisedAt), format.TimeValue(clearedAt));
        return new ChatMessage(T.Format("Cleared.Fallback", title, Summary(figures)),
            [new HeaderBlock(T.Format("Cleared.Header", title)), .. Body(figures), new ContextBlock(context)], []);
    }

    public ChatMessage AllClearLine(AlertFigures figures, DateTimeOffset raisedAt, DateTimeOffset clearedAt)
    {
        var line = T.Rich("AllClear.Line", format.TimeValue(clearedAt), Title(figures), format.TimeValue(raisedAt), Summary(figures));
        return new ChatMessage(line.ToString(), new TextBlock(line));
    }

    private string Title(AlertFigures figures) => figures switch
    {
        CriticalThreadsFigures => T["CriticalThreads.Title"],
        OutlierFigures o => T.Format("Outlier.Title", o.Creator.Handle),
        CreatorRefundFigures r => T.Format("CreatorRefundRate.Title", r.Handle),
        WeeklyRefundFigures => T["WeeklyRefundRate.Title"],
        _ => throw Unknown(figures),
    };

    private string Summary(AlertFigures figures) => figures switch
    {
        CriticalThreadsFigures c => T.Format("CriticalThreads.Summary", format.Number(c.Critical), format.Hours(c.WarnHours)),
        OutlierFigures o => T.Format("Outlier.Summary", o.Creator.Handle, format.Percent(o.Creator.AnswerRate), format.Hours(o.Creator.MeanReplyHours)),
        CreatorRefundFigures r => T.Format("CreatorRefundRate.Summary", r.Handle, format.Percent(r.Rate), format.Number(r.Refunds), format.Number(r.ThreadsCreated)),
        WeeklyRefundFigures w => T.Format("WeeklyRefundRate.Summary", format.Percent(w.Week.Rate),
            format.Number(w.Week.ByReason.SlaMiss), format.Number(w.Week.ByReason.PoorAnswer), format.Number(w.Week.ByReason.Other)),
        _ => throw Unknown(figures),
    };

    private IEnumerable<MessageBlock> Body(AlertFigures figures) => figures switch
    {
        CriticalThreadsFigures c =>
            [new TextBlock(T.Rich("CriticalThreads.Text", format.Number(c.Critical), format.Hours(c.WarnHours), format.Number(c.RaiseAbove)))],
        OutlierFigures o => Outlier(o),
        CreatorRefundFigures r => [new TextBlock(T.Rich("CreatorRefundRate.Text", format.Percent(r.Rate), format.Number(r.Refunds),
            format.Number(r.ThreadsCreated), format.Percent(r.RaiseAbove), format.Number(r.MinThreads)))],
        WeeklyRefundFigures w => Weekly(w),
        _ => throw Unknown(figures),
    };

    private IEnumerable<MessageBlock> Outlier(OutlierFigures o)
    {
        var c = o.Creator;
        yield return new TextBlock(T.Rich("Outlier.Text", format.Percent(c.AnswerRate), format.Number(c.DueThreads), format.Percent(o.MinAnswerRate),
            format.Hours(c.MeanReplyHours), format.Hours(c.MeanAllowedHours), format.Number(c.AnsweredThreads)));
        yield return new TextBlock(c.Reasons.Count == 0
            ? T.Rich("Outlier.NotFlagged")
            : T.Rich("Outlier.Why", string.Join(", ", c.Reasons.Select(r => T[$"Outlier.Reason.{r}"]))));
    }

    /// <summary>The ops cadence asks for the causes with the weekly rate: SLA miss against content, counted and in money.</summary>
    private IEnumerable<MessageBlock> Weekly(WeeklyRefundFigures w)
    {
        var (week, counts, amounts) = (w.Week, w.Week.ByReason, w.Week.AmountMinorByReason);
        yield return new TextBlock(T.Rich("WeeklyRefundRate.Text", format.Percent(week.Rate), format.Number(week.Count), format.Money(week.AmountMinor),
            format.Number(week.ThreadsCreated), format.Percent(w.RaiseAbove)));
        yield return new TextBlock(T.Rich("WeeklyRefundRate.Causes"));
        yield return new FieldsBlock([
            Cause("Cause.SlaMiss", counts.SlaMiss, amounts.SlaMiss),
            Cause("Cause.PoorAnswer", counts.PoorAnswer, amounts.PoorAnswer),
            Cause("Cause.Other", counts.Other, amounts.Other),
        ]);
    }

    private ChatField Cause(string label, int count, long amountMinor) =>
        new(T[label], RichText.Plain(T.Format("Cause.Value", format.Number(count), format.Money(amountMinor))));

    private string ClearsAt(AlertFigures figures) => figures switch
    {
        CriticalThreadsFigures c => T.Format("CriticalThreads.ClearsAt", format.Number(c.ClearAtOrBelow)),
        OutlierFigures o => T.Format("Outlier.ClearsAt", format.Percent(o.ClearAnswerRate), format.Percent(o.ClearReplyShare)),
        CreatorRefundFigures r => T.Format("CreatorRefundRate.ClearsAt", format.Percent(r.ClearAtOrBelow)),
        WeeklyRefundFigures w => T.Format("WeeklyRefundRate.ClearsAt", format.Percent(w.ClearAtOrBelow)),
        _ => throw Unknown(figures),
    };

    private static ArgumentException Unknown(AlertFigures figures) => new($"No alert text for {figures.GetType().Name}.", nameof(figures));
}
