using OpsBot.Data;

namespace OpsBot.Platform;

/// <summary>
/// Applies one event at a time to the context and to <see cref="FeedState"/>, after the checks that
/// need the store. Each check runs before anything changes, so a refused event leaves no trace.
/// </summary>
internal sealed class BatchWriter(OpsDbContext db, FeedState state)
{
    /// <returns>null when applied (or acknowledged without change), else why the event is refused.</returns>
    public EventError? Apply(PlatformEvent e, int index)
    {
        var refusal = e.Data switch
        {
            CreatorUpserted c => Upsert(c, e.OccurredAt),
            ChatVisited v => RequireCreator(v.CreatorId) ?? Add(db.ChatVisits, v.ToEntity()),
            CheckoutStarted c => RequireCreator(c.CreatorId) ?? StartCheckout(c),
            ThreadCreated t => RequireCreator(t.CreatorId) ?? CreateThread(t),
            ThreadReplied r => Reply(r),
            ThreadRefunded r => Refund(r),
            MessageFlagged f => Add(db.MessageFlags, f.ToEntity()),
            RefundReviewRequested r => Add(db.RefundReviews, r.ToEntity()),
            _ => throw new InvalidOperationException($"No writer for {e.Data.GetType().Name}"),
        };
        return refusal is null ? null : new EventError(index, e.Id, "data." + refusal.Field, refusal.Reason);
    }

    private Refusal? Upsert(CreatorUpserted c, DateTimeOffset occurredAt)
    {
        state.Creators.TryGetValue(c.CreatorId, out var creator);
        // A late redelivery of an older state is acknowledged but must not undo the newer one.
        if (creator is not null && occurredAt < creator.UpdatedAt) return null;
        if (state.HandleOwners.TryGetValue(c.HandleKey, out var owner) && owner != c.CreatorId)
            return new Refusal("handle", $"is already taken by creator {owner} (handles are unique, case-insensitively)");

        if (creator is null)
        {
            creator = c.ToCreator(occurredAt);
            db.Creators.Add(creator);
            state.Creators[c.CreatorId] = creator;
        }
        else
        {
            state.HandleOwners.Remove(creator.HandleKey);
            c.CopyTo(creator, occurredAt);
        }
        state.HandleOwners[c.HandleKey] = c.CreatorId;
        return null;
    }

    private Refusal? StartCheckout(CheckoutStarted c) =>
        state.CheckoutIds.Add(c.CheckoutId)
            ? Add(db.Checkouts, c.ToEntity())
            : new Refusal("checkoutId", "this checkout is already recorded (by another event)");

    private Refusal? CreateThread(ThreadCreated t)
    {
        if (state.Threads.ContainsKey(t.ThreadId))
            return new Refusal("threadId", "this thread already exists (created by another event)");
        var replies = state.RepliesOf(t.ThreadId);
        var refunds = state.RefundsOf(t.ThreadId);
        var earliest = replies.Select(r => r.At).Concat(refunds.Select(r => r.At)).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (earliest < t.CreatedAt)
            return new Refusal("createdAt", $"is after a reply or refund already recorded for this thread ({earliest:O})");

        var thread = t.ToEntity();
        // Replies and refunds that arrived before their thread are applied now.
        foreach (var reply in replies) thread.ApplyReply(reply.At);
        foreach (var refund in refunds) thread.ApplyRefund(refund.At);
        state.Threads[t.ThreadId] = thread;
        return Add(db.Threads, thread);
    }

    private Refusal? Reply(ThreadReplied r)
    {
        var replies = state.RepliesOf(r.ThreadId);
        if (replies.Exists(known => known.MessageId == r.MessageId))
            return new Refusal("messageId", "this reply is already recorded (by another event)");
        var thread = state.Threads.GetValueOrDefault(r.ThreadId);
        if (thread is not null && r.At < thread.CreatedAt)
            return new Refusal("at", $"is before the thread was created ({thread.CreatedAt:O})");

        var reply = r.ToEntity();
        replies.Add(reply);
        thread?.ApplyReply(r.At);
        return Add(db.Replies, reply);
    }

    private Refusal? Refund(ThreadRefunded r)
    {
        if (state.RefundIds.Contains(r.RefundId))
            return new Refusal("refundId", "this refund is already recorded (by another event)");
        var thread = state.Threads.GetValueOrDefault(r.ThreadId);
        if (thread is not null && r.At < thread.CreatedAt)
            return new Refusal("at", $"is before the thread was created ({thread.CreatedAt:O})");

        var refund = r.ToEntity();
        state.RefundIds.Add(r.RefundId);
        state.RefundsOf(r.ThreadId).Add(refund);
        thread?.ApplyRefund(r.At);
        return Add(db.Refunds, refund);
    }

    private Refusal? RequireCreator(string creatorId) =>
        state.Creators.ContainsKey(creatorId)
            ? null
            : new Refusal("creatorId", "unknown creator: its creator.upserted must come first (in an earlier batch or earlier in this one)");

    private static Refusal? Add<T>(Microsoft.EntityFrameworkCore.DbSet<T> set, T entity) where T : class
    {
        set.Add(entity);
        return null;
    }

    private sealed record Refusal(string Field, string Reason);
}
