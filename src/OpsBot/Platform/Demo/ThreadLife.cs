using System.Globalization;
using static OpsBot.Platform.Demo.DemoRandom;

namespace OpsBot.Platform.Demo;

/// <summary>
/// Plays one thread forward from its creation: the creator's reply (or silence), the platform's refund
/// job, borderline cases handed to ops, fans flagging answers. Whatever falls after as-of is dropped by
/// the schedule, which is exactly what leaves threads open, overdue or awaiting review at generation time.
/// </summary>
internal sealed class ThreadLife(Random rng, EventSchedule schedule, DemoIds ids, DateTimeOffset asOf)
{
    /// <summary>Share of overdue threads the refund job hands to a human instead of refunding (creator asked for time).</summary>
    private const double BorderlineShare = 0.2;

    /// <summary>Share of late answers ops still refund after review.</summary>
    private const double LateReplyRefundShare = 0.3;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1), Hour = TimeSpan.FromHours(1);

    public void Play(DemoCreator creator, ThreadCreated thread)
    {
        if (rng.Chance(creator.Quality.OtherRefundRate))
        {
            // Duplicate purchase or goodwill: refunded before anyone answered.
            Refund(thread, RefundReasons.Other, automatic: false, thread.CreatedAt + rng.Between(10 * Minute, 6 * Hour));
            return;
        }
        if (StillInFlight(thread)) return;
        var replyAt = PlanReply(creator, thread);
        if (replyAt <= thread.DeadlineAt)
        {
            Answer(creator, thread, replyAt.Value, refundable: true);
            return;
        }
        var run = NextRefundRun(thread.DeadlineAt);
        if (replyAt < run) AnsweredLate(creator, thread, replyAt.Value, run);
        else Overdue(creator, thread, replyAt, run);
    }

    /// <summary>The platform's refund job runs at 06:00 and 18:00 UTC, so an overdue thread waits up to 12 h for it.</summary>
    private static DateTimeOffset NextRefundRun(DateTimeOffset deadline)
    {
        var run = new DateTimeOffset(deadline.UtcDateTime.Date, TimeSpan.Zero).AddHours(6);
        while (run <= deadline) run = run.AddHours(12);
        return run;
    }

    private DateTimeOffset? PlanReply(DemoCreator creator, ThreadCreated thread)
    {
        var habit = creator.Replies;
        if (rng.Chance(habit.GhostRate)) return null;
        if (rng.Chance(habit.DeadlineDriven))
        {
            // Last-minute answers cluster just before the deadline; one in ten slips just past it.
            var at = rng.Chance(0.1)
                ? thread.DeadlineAt + Hours(rng.ExponentialHours(2))
                : thread.DeadlineAt - Hours(rng.ExponentialHours(4));
            return at > thread.CreatedAt + 10 * Minute ? at : thread.CreatedAt + 10 * Minute;
        }
        // Creators put fast-lane threads first.
        var hours = habit.MedianHours * Math.Exp(habit.Spread * rng.Normal()) * (thread.Lane == Lanes.Fast ? 0.6 : 1);
        return InWakingHours(creator, thread.CreatedAt + Hours(Math.Max(hours, 5 / 60.0)));
    }

    /// <summary>
    /// The demo opens on a moment the radar has something to say: most threads due within 2 h of as-of
    /// and some due within 12 h are still being worked on, and some that fell due in the last 24 h are
    /// overdue while the creator's request for more time waits for ops. Their reply or refund comes after
    /// as-of, so it is not written; only the future is shaped, no fact before as-of changes.
    /// </summary>
    private bool StillInFlight(ThreadCreated thread)
    {
        var hoursLeft = (thread.DeadlineAt - asOf).TotalHours;
        var share = hoursLeft switch { > 12 => 0, > 2 => 0.3, > 0 => 0.8, > -24 => 0.1, _ => 0 };
        if (share == 0 || !rng.Chance(share)) return false;
        if (hoursLeft <= 0) RequestExtension(thread, NextRefundRun(thread.DeadlineAt));
        return true;
    }

    /// <summary>A reply that would fall in the creator's local night (01–07) waits for the morning.</summary>
    private DateTimeOffset InWakingHours(DemoCreator creator, DateTimeOffset at)
    {
        var local = at.ToOffset(creator.Profile.Zone.GetUtcOffset(at));
        return local.Hour is >= 1 and < 7 ? at + (7 * Hour - local.TimeOfDay) + rng.Between(TimeSpan.Zero, 90 * Minute) : at;
    }

    /// <summary>Answered after the deadline but before the job looked: a borderline case for ops.</summary>
    private void AnsweredLate(DemoCreator creator, ThreadCreated thread, DateTimeOffset replyAt, DateTimeOffset run)
    {
        var note = string.Create(CultureInfo.InvariantCulture, $"Answered {(replyAt - thread.DeadlineAt).TotalHours:0.0} h after the deadline.");
        schedule.Add(new RefundReviewRequested(thread.ThreadId, "late_reply", note, run));
        var refunded = rng.Chance(LateReplyRefundShare);
        if (refunded) Refund(thread, RefundReasons.SlaMiss, automatic: false, run + rng.Between(2 * Hour, 30 * Hour));
        Answer(creator, thread, replyAt, refundable: !refunded);
    }

    /// <summary>No answer when the job ran: refunded automatically, or (borderline) left to ops, who decide within days.</summary>
    private void Overdue(DemoCreator creator, ThreadCreated thread, DateTimeOffset? replyAt, DateTimeOffset run)
    {
        if (!rng.Chance(BorderlineShare))
        {
            // A reply planned after the refund is never sent: the thread is closed.
            Refund(thread, RefundReasons.SlaMiss, automatic: true, run + rng.Between(TimeSpan.Zero, 5 * Minute));
            return;
        }
        RequestExtension(thread, run);
        var decision = run + rng.Between(12 * Hour, 72 * Hour);
        if (replyAt < decision) Answer(creator, thread, replyAt.Value, refundable: true);
        else Refund(thread, RefundReasons.SlaMiss, automatic: false, decision);
    }

    private void RequestExtension(ThreadCreated thread, DateTimeOffset run) =>
        schedule.Add(new RefundReviewRequested(thread.ThreadId, "creator_requested_extension", "Creator asked for more time.", run));

    private void Answer(DemoCreator creator, ThreadCreated thread, DateTimeOffset at, bool refundable)
    {
        var messageId = ids.Message();
        schedule.Add(new ThreadReplied(thread.ThreadId, messageId, at));
        if (rng.Chance(creator.Replies.SecondReplyRate)) // the fan asked a follow-up
            schedule.Add(new ThreadReplied(thread.ThreadId, ids.Message(), at + rng.Between(Hour, 36 * Hour)));
        if (!rng.Chance(creator.Quality.FlagRate)) return;

        var flaggedAt = at + rng.Between(30 * Minute, 48 * Hour);
        var reason = rng.Pick(DemoNames.FlagReasons);
        schedule.Add(new MessageFlagged(thread.ThreadId, messageId, reason, rng.Chance(0.5) ? rng.Pick(DemoNames.FlagNotes) : null, flaggedAt));
        if (!refundable) return;
        if (rng.Chance(creator.Quality.RefundOnFlag))
            Refund(thread, RefundReasons.PoorAnswer, automatic: false, flaggedAt + rng.Between(2 * Hour, 48 * Hour));
        else if (rng.Chance(0.35))
            schedule.Add(new RefundReviewRequested(thread.ThreadId, "disputed_answer", "Fan disputes the answer after a flag.", flaggedAt + rng.Between(Hour, 12 * Hour)));
    }

    private void Refund(ThreadCreated thread, string reason, bool automatic, DateTimeOffset at) =>
        schedule.Add(new ThreadRefunded(thread.ThreadId, ids.Refund(), thread.AmountMinor, thread.Currency, reason, automatic, at));
}
