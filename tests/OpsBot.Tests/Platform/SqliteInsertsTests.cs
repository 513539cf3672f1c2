using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Platform;

public sealed class SqliteInsertsTests
{
    private static readonly string[] Tables = ["Threads", "Replies", "Refunds", "ChatVisits", "Checkouts", "MessageFlags", "RefundReviews", "ProcessedEvents"];

    [Fact]
    public async Task InsertAdded_WritesExactlyTheRowsSaveChangesWrites()
    {
        using var viaEf = new TestDatabase();
        using var viaFastPath = new TestDatabase();

        await using (var db = viaEf.NewContext())
        {
            AddOneOfEach(db);
            await db.SaveChangesAsync();
        }
        await using (var db = viaFastPath.NewContext())
        {
            AddOneOfEach(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SqliteInserts.InsertAddedAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var expected = Dump(viaEf);
        Assert.Contains("Fast", expected); // enums stored as text, as the model says
        Assert.Equal(expected, Dump(viaFastPath));
    }

    private static void AddOneOfEach(OpsDbContext db)
    {
        foreach (var e in Valid(Visit(id: "evt_v"), Checkout(id: "evt_co"), Thread(id: "evt_t"), Reply(id: "evt_r"), Refund(id: "evt_rf"), Flag(id: "evt_f"), Review(id: "evt_rr")))
        {
            object row = e.Data switch
            {
                ChatVisited v => v.ToEntity(),
                CheckoutStarted c => c.ToEntity(),
                ThreadCreated t => WithReply(t.ToEntity()),
                ThreadReplied r => r.ToEntity(),
                ThreadRefunded r => r.ToEntity(),
                MessageFlagged f => f.ToEntity(),
                RefundReviewRequested r => r.ToEntity(),
                _ => throw new InvalidOperationException(e.Type),
            };
            db.Add(row);
            db.ProcessedEvents.Add(new ProcessedEvent { Id = e.Id, Type = e.Type, OccurredAt = e.OccurredAt, ReceivedAt = e.OccurredAt.AddSeconds(1) });
        }
    }

    /// <summary>Fills the nullable derived columns too, so their conversion is compared.</summary>
    private static OpsBot.Data.Thread WithReply(OpsBot.Data.Thread thread)
    {
        thread.ApplyReply(thread.CreatedAt.AddHours(2));
        return thread;
    }

    private static string Dump(TestDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        var dump = new System.Text.StringBuilder();
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dump.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++) dump.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append(';');
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }
}
