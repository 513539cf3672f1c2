using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Platform;

/// <summary>
/// What the store knows about the ids one batch touches, loaded in a few IN-queries and then kept up
/// to date in memory while the batch's events are applied in order (so event 7 sees event 3's creator).
/// </summary>
internal sealed class FeedState
{
    /// <summary>SQL Server accepts at most 2,100 parameters per command.</summary>
    private const int ChunkSize = 500;

    public HashSet<string> SeenEventIds { get; } = [];
    public Dictionary<string, Creator> Creators { get; } = [];
    /// <summary>Handle key → creator id, for the handles of every creator loaded or upserted.</summary>
    public Dictionary<string, string> HandleOwners { get; } = [];
    public Dictionary<string, Thread> Threads { get; } = [];
    public HashSet<string> RefundIds { get; } = [];
    public HashSet<string> CheckoutIds { get; } = [];
    private readonly Dictionary<string, List<Reply>> replies = [];
    private readonly Dictionary<string, List<Refund>> refunds = [];

    /// <summary>Replies recorded for a thread so far, including orphans that arrived before it.</summary>
    public List<Reply> RepliesOf(string threadId) => ListOf(replies, threadId);

    public List<Refund> RefundsOf(string threadId) => ListOf(refunds, threadId);

    public static async Task<FeedState> LoadAsync(OpsDbContext db, IReadOnlyList<PlatformEvent> events, CancellationToken ct)
    {
        var state = new FeedState();
        var eventIds = events.Select(e => e.Id).ToHashSet();
        state.SeenEventIds.UnionWith(await InChunksAsync(eventIds, ids => db.ProcessedEvents.Where(p => ids.Contains(p.Id)).Select(p => p.Id), ct));
        // Duplicates change nothing, so what they mention need not be loaded (a re-import stays cheap).
        var keys = BatchKeys.Of(events.Where(e => !state.SeenEventIds.Contains(e.Id)));
        // Creators and threads are tracked: an upsert or a reply changes the loaded row.
        var creators = await InChunksAsync(keys.CreatorIds, ids => db.Creators.Where(c => ids.Contains(c.Id)), ct);
        creators.AddRange(await InChunksAsync(keys.HandleKeys, handles => db.Creators.Where(c => handles.Contains(c.HandleKey)), ct));
        foreach (var creator in creators)
        {
            state.Creators[creator.Id] = creator;
            state.HandleOwners[creator.HandleKey] = creator.Id;
        }
        foreach (var thread in await InChunksAsync(keys.ThreadIds, ids => db.Threads.Where(t => ids.Contains(t.Id)), ct))
            state.Threads[thread.Id] = thread;
        foreach (var reply in await InChunksAsync(keys.ThreadIds, ids => db.Replies.AsNoTracking().Where(r => ids.Contains(r.ThreadId)), ct))
            state.RepliesOf(reply.ThreadId).Add(reply);
        foreach (var refund in await InChunksAsync(keys.ThreadIds, ids => db.Refunds.AsNoTracking().Where(r => ids.Contains(r.ThreadId)), ct))
            state.RefundsOf(refund.ThreadId).Add(refund);
        state.RefundIds.UnionWith(await InChunksAsync(keys.RefundIds, ids => db.Refunds.Where(r => ids.Contains(r.Id)).Select(r => r.Id), ct));
        state.CheckoutIds.UnionWith(await InChunksAsync(keys.CheckoutIds, ids => db.Checkouts.Where(c => ids.Contains(c.Id)).Select(c => c.Id), ct));
        return state;
    }

    private static List<T> ListOf<T>(Dictionary<string, List<T>> byThread, string threadId)
    {
        if (!byThread.TryGetValue(threadId, out var list)) byThread[threadId] = list = [];
        return list;
    }

    private static async Task<List<T>> InChunksAsync<T>(HashSet<string> keys, Func<string[], IQueryable<T>> query, CancellationToken ct)
    {
        var rows = new List<T>();
        foreach (var chunk in keys.Chunk(ChunkSize)) rows.AddRange(await query(chunk).ToListAsync(ct));
        return rows;
    }

    /// <summary>The ids a batch mentions, by kind.</summary>
    private sealed record BatchKeys(
        HashSet<string> CreatorIds, HashSet<string> HandleKeys,
        HashSet<string> ThreadIds, HashSet<string> RefundIds, HashSet<string> CheckoutIds)
    {
        public static BatchKeys Of(IEnumerable<PlatformEvent> events)
        {
            var keys = new BatchKeys([], [], [], [], []);
            foreach (var e in events)
            {
                switch (e.Data)
                {
                    case CreatorUpserted c: keys.CreatorIds.Add(c.CreatorId); keys.HandleKeys.Add(c.HandleKey); break;
                    case ChatVisited v: keys.CreatorIds.Add(v.CreatorId); break;
                    case CheckoutStarted c: keys.CreatorIds.Add(c.CreatorId); keys.CheckoutIds.Add(c.CheckoutId); break;
                    case ThreadCreated t: keys.CreatorIds.Add(t.CreatorId); keys.ThreadIds.Add(t.ThreadId); break;
                    case ThreadReplied r: keys.ThreadIds.Add(r.ThreadId); break;
                    case ThreadRefunded r: keys.ThreadIds.Add(r.ThreadId); keys.RefundIds.Add(r.RefundId); break;
                }
            }
            return keys;
        }
    }
}
