using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;
using OpsBot.Proposals.ByHand;

namespace OpsBot.Creators;

/// <summary>
/// A creator's card as a message: status and price up top, then the figures the ops team weighs before a
/// nudge, a price talk or a ban. Everything but the open threads and GMV (month to date) covers the
/// creator window, the 30×24 hours before the as-of time, like the digest's outliers. Under it, the proposals that
/// would change something for this creator (ban, checkout stop, fast-lane block, lift).
/// </summary>
public sealed class CreatorCardMessage(OpsFormat format, OpsText text, ProposeButtons propose)
{
    /// <summary>Referred creators listed by name; a code with hundreds of sign-ups would swamp the card.</summary>
    public const int MaxReferredShown = 10;

    private Texts T => text.Of(CreatorText.Resources);

    public ChatMessage Build(CreatorCard card)
    {
        var p = card.Profile;
        var header = T.Format("Card.Header", p.Handle, p.DisplayName);
        var status = T.Rich("Card.Status", T[$"Status.{p.Status}"], format.TimeValue(p.JoinedAt));
        ChatField Field(string key, RichText value) => new(T[$"Field.{key}"], value);
        return new ChatMessage(
            $"{header}: {status}",
            new HeaderBlock(header),
            new TextBlock(status),
            new FieldsBlock(
            [
                Field("Price", Price(p)),
                Field("Open", Open(card)),
                Field("AnswerRate", AnswerRate(card.AnswerRate)),
                Field("ReplyTime", ReplyTimes(card.ReplyHours)),
                Field("GmvMtd", RichText.Plain(format.Money(card.GmvMtdMinor))),
                Field("Refunds", Refunds(card.Refunds)),
                Field("Flags", RichText.Plain(format.Number(card.MessageFlags))),
                Field("Referral", Referral(card)),
                Field("Marks", Marks(card)),
            ]),
            new ContextBlock(T.Rich("Card.Context", format.TimeValue(card.AsOf), format.Zone.Id,
                format.TimeValue(card.Window.From), format.TimeValue(card.Window.To))),
            // What the reader may want to propose after reading the figures; an approver still decides.
            new ButtonsBlock(propose.ForCreator(p)));
    }

    private RichText Price(CreatorProfile p)
    {
        var fast = (long)Math.Round(p.StandardPriceMinor * p.FastLaneFactor, MidpointRounding.AwayFromZero);
        return T.Rich("Card.Price", format.Money(p.StandardPriceMinor, p.Currency), p.FastLaneFactor.ToString("0.##", format.Culture),
            format.Money(fast, p.Currency), T[p.FastLaneEnabled ? "FastLane.Enabled" : "FastLane.Disabled"]);
    }

    private RichText Open(CreatorCard card)
    {
        if (card.Open.NearestDeadlineAt is not { } nearest) return T.Rich("Card.Open.None");
        var remainingMs = nearest.ToUnixTimeMilliseconds() - card.AsOf.ToUnixTimeMilliseconds();
        var left = remainingMs < 0 ? format.TimeLeft(remainingMs) : T.Format("TimeLeft", format.TimeLeft(remainingMs));
        return T.Rich("Card.Open", card.Open.Count, card.Open.OnTrack, format.TimeValue(nearest), left);
    }

    private RichText AnswerRate(AnswerRate rate) => rate.Due == 0
        ? T.Rich("Card.AnswerRate.None")
        : T.Rich("Card.AnswerRate", format.Percent(rate.Rate), rate.AnsweredInTime, rate.Due);

    private RichText ReplyTimes(ReplyTimes r)
    {
        if (r.Count == 0) return T.Rich("Card.ReplyTime.None");
        string Lane(ReplyHours lane) => lane.Count == 0 ? T["Card.Lane.None"] : T.Format("Card.Lane", format.Hours(lane.Mean), lane.Count);
        return T.Rich("Card.ReplyTime", format.Hours(r.Mean), format.Hours(r.Median), format.Hours(r.P90), r.Count,
            Lane(r.ByLane.Standard), Lane(r.ByLane.Fast));
    }

    private RichText Refunds(RefundSummary r) => T.Rich("Card.Refunds", r.Count, format.Money(r.AmountMinor), format.Percent(r.Rate),
        r.ThreadsCreated, r.ByReason.SlaMiss, r.ByReason.PoorAnswer, r.ByReason.Other);

    private RichText Referral(CreatorCard card)
    {
        var p = card.Profile;
        var none = T["None"];
        var referred = card.ReferredCreators.Count == 0 ? none : string.Join(", ", card.ReferredCreators.Take(MaxReferredShown));
        if (card.ReferredCreators.Count > MaxReferredShown)
            referred += " " + T.Format("Card.Referred.More", card.ReferredCreators.Count - MaxReferredShown);
        return T.Rich("Card.Referral", p.ReferralCode ?? none, p.ReferredByCode ?? none, referred);
    }

    /// <summary>Each mark with the sample behind it, so the reader sees why, not just that.</summary>
    private RichText Marks(CreatorCard card)
    {
        var marks = new List<RichText>();
        if (card.Outlier is { } o)
        {
            if (o.Reasons.Contains(OutlierReason.AnswerRate))
                marks.Add(T.Rich("Mark.AnswerRate", format.Percent(o.AnswerRate), o.DueThreads));
            if (o.Reasons.Contains(OutlierReason.ReplyTime))
                marks.Add(T.Rich("Mark.ReplyTime", format.Hours(o.MeanReplyHours), format.Hours(o.MeanAllowedHours), o.AnsweredThreads));
        }
        if (card.HighRefundRate is { } h)
            marks.Add(T.Rich("Mark.HighRefunds", format.Percent(h.Rate), h.Refunds, h.ThreadsCreated));
        if (card.FlaggedForMissesAt is { } flagged)
            marks.Add(T.Rich("Mark.FlaggedForMisses", format.TimeValue(flagged)));
        if (marks.Count == 0) return T.Rich("Mark.None");
        return marks.Skip(1).Aggregate(marks[0], (all, mark) => all.Append(RichText.Plain("; ")).Append(mark));
    }
}
