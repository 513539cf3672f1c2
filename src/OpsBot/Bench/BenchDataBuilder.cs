using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Bench;

/// <summary>
/// Builds the bench data set in a fresh SQLite file migrated with the project's own migrations, then
/// bulk-inserts straight into the tables with raw ADO (EF change tracking would take hours for
/// millions of rows). Durability is switched off for the build only: a crash just means building again.
/// </summary>
public static class BenchDataBuilder
{
    public static async Task<BenchDataSet> BuildAsync(string path, BenchDataShape shape, CancellationToken ct)
    {
        shape.Validate();
        if (File.Exists(path)) throw new IOException($"The bench builds a fresh database and {path} already exists.");
        var clock = Stopwatch.StartNew();
        var connectionString = ConnectionStringFor(path);
        await using (var db = new SqliteOpsDbContext(new DbContextOptionsBuilder<SqliteOpsDbContext>().UseSqlite(connectionString).Options))
            await DataServices.MigrateAsync(db, ct);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;", ct);
        var (rows, open, counts, creators) = Insert(connection, shape, ct);
        // Leave no big WAL behind: the measured queries should read the database file, as after a restart.
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);

        var typical = Enumerable.Range(0, counts.Length).MinBy(i => Math.Abs(counts[i] - (double)shape.Threads / shape.Creators));
        var largest = Enumerable.Range(0, counts.Length).MaxBy(i => counts[i]);
        return new BenchDataSet(shape, rows, open, clock.Elapsed,
            new BenchCreator(creators.Profiles[typical].Handle, counts[typical]),
            new BenchCreator(creators.Profiles[largest].Handle, counts[largest]));
    }

    public static string ConnectionStringFor(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), DefaultTimeout = 60 }.ToString();

    private static (IReadOnlyDictionary<string, long>, long Open, int[] Counts, BenchCreators) Insert(
        SqliteConnection connection, BenchDataShape shape, CancellationToken ct)
    {
        var rng = new Random(shape.Seed);
        var nowMs = shape.Now.ToUnixTimeMilliseconds();
        var historyMs = (long)BenchDataShape.History.TotalMilliseconds;
        var creators = new BenchCreators(shape.Creators, rng);
        var counts = new int[shape.Creators];
        long open = 0;

        using var transaction = connection.BeginTransaction();
        using var inserts = new BenchInserts(connection, transaction);
        creators.Write(inserts.Creators, rng, shape.Now);
        var threads = new BenchThreadWriter(inserts, rng, nowMs);
        for (var i = 0; i < shape.Threads; i++)
        {
            if (i % 10_000 == 0) ct.ThrowIfCancellationRequested();
            // Evenly spread and in id order, strictly before now: inserts append to the time indexes.
            var createdAt = nowMs - historyMs + (long)((i + rng.NextDouble()) * historyMs / shape.Threads);
            var creator = creators.Pick(rng);
            counts[creator.Index]++;
            if (threads.Write(i, creator, Math.Min(createdAt, nowMs - 1))) open++;
        }
        transaction.Commit();
        return (inserts.RowCounts(), open, counts, creators);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
