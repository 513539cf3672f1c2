using Microsoft.Data.Sqlite;
using OpsBot.Bench;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Bench;

public sealed class BenchDataBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
    private static readonly BenchDataShape Small = new(Threads: 2_000, Creators: 200, Now);

    [Fact]
    public async Task Build_SmallDataSet_DerivedThreadColumnsAgreeWithRepliesAndRefunds()
    {
        using var folder = new TestDatabase(migrate: false);
        await BenchDataBuilder.BuildAsync(folder.Path, Small, CancellationToken.None);

        await using var db = Open(folder);
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads WHERE AllowedMs <> DeadlineAt - CreatedAt"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads t WHERE FirstReplyAt IS NOT (SELECT MIN(At) FROM Replies r WHERE r.ThreadId = t.Id)"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads WHERE ReplyMs IS NOT FirstReplyAt - CreatedAt"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads t WHERE RefundedAt IS NOT (SELECT MIN(At) FROM Refunds f WHERE f.ThreadId = t.Id)"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads WHERE ClosedAt IS NOT COALESCE(MIN(FirstReplyAt, RefundedAt), FirstReplyAt, RefundedAt)"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads t WHERE AmountMinor IS NOT (SELECT AmountMinor FROM Refunds f WHERE f.ThreadId = t.Id) AND RefundedAt IS NOT NULL"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM Threads t WHERE NOT EXISTS (SELECT 1 FROM Creators c WHERE c.Id = t.CreatorId)"));
    }

    [Fact]
    public async Task Build_SmallDataSet_NothingHappensAfterNow()
    {
        using var folder = new TestDatabase(migrate: false);
        await BenchDataBuilder.BuildAsync(folder.Path, Small, CancellationToken.None);

        await using var db = Open(folder);
        var now = Now.ToUnixTimeMilliseconds();
        foreach (var (table, column) in new[] { ("Threads", "CreatedAt"), ("Replies", "At"), ("Refunds", "At"), ("ChatVisits", "At"), ("Checkouts", "At"), ("MessageFlags", "At") })
            Assert.True(Scalar(db, $"SELECT MAX({column}) FROM {table}") <= now, $"{table}.{column} has a fact after now");
        Assert.True(Scalar(db, "SELECT MIN(CreatedAt) FROM Threads") >= (Now - BenchDataShape.History).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Build_SmallDataSet_HasTheRequestedShape()
    {
        using var folder = new TestDatabase(migrate: false);
        var data = await BenchDataBuilder.BuildAsync(folder.Path, Small, CancellationToken.None);

        await using var db = Open(folder);
        double threads = Scalar(db, "SELECT COUNT(*) FROM Threads");
        Assert.Equal(Small.Threads, threads);
        Assert.Equal(Small.Creators, Scalar(db, "SELECT COUNT(*) FROM Creators"));
        foreach (var (table, rows) in data.Rows) Assert.Equal(rows, Scalar(db, $"SELECT COUNT(*) FROM {table}"));
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM Threads WHERE FirstReplyAt IS NOT NULL") / threads, 0.85, 0.99);
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM Threads WHERE RefundedAt IS NOT NULL") / threads, 0.02, 0.10);
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM ChatVisits") / threads, 2.5, 3.5);
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM Checkouts") / threads, 1.2, 1.4);
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM Creators WHERE ReferralCode IS NOT NULL") / (double)Small.Creators, 0.1, 0.3);
        Assert.InRange(Scalar(db, "SELECT COUNT(*) FROM Creators WHERE ReferredByCode IS NOT NULL") / (double)Small.Creators, 0.15, 0.45);
        var now = Now.ToUnixTimeMilliseconds();
        var open = Scalar(db, $"SELECT COUNT(*) FROM Threads WHERE ClosedAt IS NULL AND CreatedAt <= {now}");
        Assert.True(open > 0);
        Assert.Equal(open, data.OpenThreadsNow);
        Assert.Equal(data.LargestCreator.Threads, Scalar(db, "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM Threads GROUP BY CreatorId)"));
        Assert.Equal(data.TypicalCreator.Threads, Scalar(db,
            $"SELECT COUNT(*) FROM Threads t JOIN Creators c ON c.Id = t.CreatorId WHERE c.Handle = '{data.TypicalCreator.Handle}'"));
    }

    [Fact]
    public async Task Build_SameShapeTwice_BuildsTheSameRows()
    {
        using var first = new TestDatabase(migrate: false);
        using var second = new TestDatabase(migrate: false);
        await BenchDataBuilder.BuildAsync(first.Path, Small, CancellationToken.None);
        await BenchDataBuilder.BuildAsync(second.Path, Small, CancellationToken.None);

        const string fingerprint = "SELECT SUM(AmountMinor) || '/' || SUM(CreatedAt % 1000003) || '/' || TOTAL(FirstReplyAt % 1000003) || '/' || group_concat(CreatorId, ',') FROM Threads";
        await using var a = Open(first);
        await using var b = Open(second);
        Assert.Equal(Text(a, fingerprint), Text(b, fingerprint));
    }

    [Fact]
    public async Task Build_FileExists_RefusesAndLeavesItAlone()
    {
        using var existing = new TestDatabase();
        SqliteConnection.ClearAllPools(); // closing the migration's connection checkpoints the WAL into the file
        var before = File.ReadAllBytes(existing.Path);

        await Assert.ThrowsAsync<IOException>(() => BenchDataBuilder.BuildAsync(existing.Path, Small, CancellationToken.None));

        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(existing.Path));
    }

    private static SqliteConnection Open(TestDatabase folder)
    {
        var db = new SqliteConnection(folder.ConnectionString);
        db.Open();
        return db;
    }

    private static long Scalar(SqliteConnection db, string sql) => Convert.ToInt64(Command(db, sql).ExecuteScalar());

    private static string Text(SqliteConnection db, string sql) => (string)Command(db, sql).ExecuteScalar()!;

    private static SqliteCommand Command(SqliteConnection db, string sql)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
