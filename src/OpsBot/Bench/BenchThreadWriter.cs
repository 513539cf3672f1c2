using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Bench;

/// <summary>
/// Writes one thread with everything around it: the chat visits and checkout before it, its replies,
/// refunds and flags after it. Facts after "now" are left out (they have not happened yet), which is
/// what leaves the recent threads open, some critical, some overdue waiting for the refund job.
/// Derived columns follow <see cref="Thread.ApplyReply"/> and <see cref="Thread.ApplyRefund"/>.
/// </summary>
internal sealed class BenchThreadWriter(BenchInserts db, Random rng, long nowMs)
{
    private const long Minute = 60_000, Hour = 60 * Minute;

    public bool Write(int i, CreatorProfile creator, long createdAt)
    {
        var lane = creator.FastLaneEnabled && rng.NextDouble() < 0.25 ? Lane.Fast : Lane.Standard;
        var allowed = lane == Lane.Fast ? 24 * Hour : 48 * Hour;
        var deadline = createdAt + allowed;
        var offer = rng.NextDouble() < creator.OfferShare ? $"off_{creator.Index}_{rng.Next(3)}" : null;
        var amount = creator.AmountFor(lane);
        WriteFunnel(i, creator, lane, offer, createdAt);

        var thread = new Thread
        {
            Id = $"th_{i:D7}", CreatorId = creator.Id, FanId = $"fan_{rng.Next(250_000)}", Currency = "EUR",
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(createdAt),
        };
        var outcome = rng.NextDouble();
        if (outcome < creator.OnTimeRate)
        {
            var u = rng.NextDouble();
            Reply(thread, 1, createdAt + (long)(allowed * (0.02 + 0.96 * u * u)));
        }
        else if (outcome < (1 + creator.OnTimeRate) / 2)
            Reply(thread, 1, deadline + Minute + (long)(12 * Hour * rng.NextDouble()));
        else
            Refund(thread, amount, RefundReason.SlaMiss, automatic: true, deadline + 5 * Minute + (long)(24 * Hour * rng.NextDouble()));

        if (thread.FirstReplyAt is { } first) AfterReply(thread, first.ToUnixTimeMilliseconds(), amount);

        db.Threads.Run(thread.Id, thread.CreatorId, thread.FanId, $"co_{i:D7}", lane.ToString(), offer, amount, "EUR",
            createdAt, deadline, allowed, thread.FirstReplyAt?.ToUnixTimeMilliseconds(), thread.ReplyMs,
            thread.RefundedAt?.ToUnixTimeMilliseconds(), thread.ClosedAt?.ToUnixTimeMilliseconds());
        return thread.ClosedAt is null;
    }

    /// <summary>~3 visits and ~1.3 checkouts per thread: one checkout converts, ~30% more are abandoned.</summary>
    private void WriteFunnel(int i, CreatorProfile creator, Lane lane, string? offer, long createdAt)
    {
        var checkoutAt = createdAt - (long)(10 * Minute * rng.NextDouble()) - 1000;
        db.Checkouts.Run($"co_{i:D7}", creator.Id, lane.ToString(), offer, checkoutAt);
        if (rng.NextDouble() < 0.3)
            db.Checkouts.Run($"co_{i:D7}_x", creator.Id, Lane.Standard.ToString(), null, createdAt - (long)(Hour * rng.NextDouble()));
        for (var v = 1 + rng.Next(5); v > 0; v--)
            db.Visits.Run(creator.Id, $"fan_{rng.Next(250_000)}", checkoutAt - (long)(30 * Minute * rng.NextDouble()));
    }

    /// <summary>Some answers get a follow-up; a few get flagged by the fan, and most flagged ones refunded.</summary>
    private void AfterReply(Thread thread, long firstReply, long amount)
    {
        if (rng.NextDouble() < 0.2) Reply(thread, 2, firstReply + Minute + (long)(2 * Hour * rng.NextDouble()));
        if (rng.NextDouble() >= 0.01) return;
        var flaggedAt = firstReply + 10 * Minute + (long)(24 * Hour * rng.NextDouble());
        if (flaggedAt > nowMs) return;
        db.Flags.Run(thread.Id, $"m_{thread.Id}_1", "poor answer", null, flaggedAt);
        if (rng.NextDouble() < 0.6)
            Refund(thread, amount, rng.NextDouble() < 0.8 ? RefundReason.PoorAnswer : RefundReason.Other, automatic: false,
                flaggedAt + Hour + (long)(48 * Hour * rng.NextDouble()));
    }

    private void Reply(Thread thread, int n, long at)
    {
        if (at > nowMs) return;
        db.Replies.Run(thread.Id, $"m_{thread.Id}_{n}", at);
        thread.ApplyReply(DateTimeOffset.FromUnixTimeMilliseconds(at));
    }

    private void Refund(Thread thread, long amount, RefundReason reason, bool automatic, long at)
    {
        if (at > nowMs) return;
        db.Refunds.Run($"rf_{thread.Id}", thread.Id, amount, "EUR", reason.ToString(), automatic, at);
        thread.ApplyRefund(DateTimeOffset.FromUnixTimeMilliseconds(at));
    }
}
