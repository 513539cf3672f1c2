using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OpsBot.Data;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Platform;

/// <summary>Two instances receiving the same batch: every event is stored once and reported once as applied.</summary>
public sealed class EventFeedRaceTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Apply_SameBatchOnTwoInstancesAtOnce_OneAppliesTheOtherReportsDuplicates()
    {
        var batch = Valid(Creator(), Thread(), Reply(), Visit(), Visit(visitorId: "vis_2"));

        var results = await Task.WhenAll(ApplyOnNewContextAsync(batch), ApplyOnNewContextAsync(batch));

        Assert.Equal([0, 5], results.Select(r => r.Applied).Order());
        Assert.Equal([0, 5], results.Select(r => r.Duplicates).Order());
        await using var db = database.NewContext();
        Assert.Equal((2, 5), (await db.ChatVisits.CountAsync(), await db.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task Apply_WhenTheStoreRefusesAnEventId_RetriesTheBatchOnce()
    {
        var batch = Valid(Creator(id: "evt_c"), Visit(id: "evt_v"));
        var rival = new RivalInsertsEventId("evt_v");
        await using var db = new SqliteOpsDbContext(new DbContextOptionsBuilder<SqliteOpsDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(rival).Options);

        var result = await new EventFeed(db, TimeProvider.System, NullLogger<EventFeed>.Instance).ApplyAsync(batch, CancellationToken.None);

        Assert.True(rival.Struck);
        Assert.Equal((2, 0), (result.Applied, result.Duplicates));
        await using var check = database.NewContext();
        Assert.Equal((1, 2), (await check.ChatVisits.CountAsync(), await check.ProcessedEvents.CountAsync()));
    }

    private async Task<FeedResult> ApplyOnNewContextAsync(IReadOnlyList<PlatformEvent> batch)
    {
        await Task.Yield();
        await using var db = database.NewContext();
        return await new EventFeed(db, TimeProvider.System, NullLogger<EventFeed>.Instance).ApplyAsync(batch, CancellationToken.None);
    }

    /// <summary>
    /// Once, right after the batch read the creators, writes one of its event ids in the same
    /// transaction, as a rival instance would have on SQL Server: the batch's own insert then hits the
    /// ProcessedEvents key. The rollback removes the rival row too, so the retry applies everything.
    /// </summary>
    private sealed class RivalInsertsEventId(string eventId) : DbCommandInterceptor
    {
        public bool Struck { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
        {
            if (Struck || !command.CommandText.Contains("FROM \"Creators\"")) return result;
            Struck = true;
            await using var insert = command.Connection!.CreateCommand();
            insert.Transaction = command.Transaction;
            insert.CommandText = $"INSERT INTO ProcessedEvents (Id, Type, OccurredAt, ReceivedAt) VALUES ('{eventId}', 'chat.visited', 0, 0)";
            await insert.ExecuteNonQueryAsync(ct);
            return result;
        }
    }
}
