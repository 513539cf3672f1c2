using Microsoft.Data.Sqlite;

namespace OpsBot.Bench;

/// <summary>The prepared inserts the builder writes through, one per table, all in one transaction.</summary>
internal sealed class BenchInserts(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    public PreparedInsert Creators { get; } = new(connection, transaction, "Creators", BenchCreators.Columns);

    public PreparedInsert Threads { get; } = new(connection, transaction, "Threads", "Id", "CreatorId", "FanId", "CheckoutId",
        "Lane", "OfferId", "AmountMinor", "Currency", "CreatedAt", "DeadlineAt", "AllowedMs", "FirstReplyAt", "ReplyMs",
        "RefundedAt", "ClosedAt");

    public PreparedInsert Replies { get; } = new(connection, transaction, "Replies", "ThreadId", "MessageId", "At");
    public PreparedInsert Refunds { get; } = new(connection, transaction, "Refunds", "Id", "ThreadId", "AmountMinor", "Currency", "Reason", "Automatic", "At");
    public PreparedInsert Visits { get; } = new(connection, transaction, "ChatVisits", "CreatorId", "VisitorId", "At");
    public PreparedInsert Checkouts { get; } = new(connection, transaction, "Checkouts", "Id", "CreatorId", "Lane", "OfferId", "At");
    public PreparedInsert Flags { get; } = new(connection, transaction, "MessageFlags", "ThreadId", "MessageId", "Reason", "Note", "At");

    private IEnumerable<PreparedInsert> All => [Creators, Threads, Replies, Refunds, Visits, Checkouts, Flags];

    public IReadOnlyDictionary<string, long> RowCounts() => All.ToDictionary(i => i.Table, i => i.Rows);

    public void Dispose()
    {
        foreach (var insert in All) insert.Dispose();
    }
}
