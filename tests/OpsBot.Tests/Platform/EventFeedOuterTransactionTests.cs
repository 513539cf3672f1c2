using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Platform;

/// <summary>Inside a caller's transaction (demo seeding) each batch is a savepoint of it.</summary>
public sealed class EventFeedOuterTransactionTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Apply_BadBatchInsideOuterTransaction_UndoesOnlyThatBatch()
    {
        await using (var db = database.NewContext())
        {
            var feed = new EventFeed(db, new FakeTimeProvider(), NullLogger<EventFeed>.Instance);
            await using var outer = await db.Database.BeginTransactionAsync();
            var good = await feed.ApplyAsync(Valid(Creator()), CancellationToken.None);
            var bad = await feed.ApplyAsync(Valid(Thread(), Visit(creatorId: "cr_ghost", id: "evt_bad")), CancellationToken.None);
            await outer.CommitAsync();

            Assert.Equal(1, good.Applied);
            Assert.Single(bad.Errors);
        }

        await using var check = database.NewContext();
        Assert.Equal((1, 0, 1), (await check.Creators.CountAsync(), await check.Threads.CountAsync(), await check.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task Apply_OuterTransactionRolledBack_LeavesNothing()
    {
        await using (var db = database.NewContext())
        {
            var feed = new EventFeed(db, new FakeTimeProvider(), NullLogger<EventFeed>.Instance);
            await using var outer = await db.Database.BeginTransactionAsync();
            await feed.ApplyAsync(Valid(Creator()), CancellationToken.None);
            await feed.ApplyAsync(Valid(Thread(), Reply()), CancellationToken.None);
            // Disposed without commit: an interrupted seed.
        }

        await using var check = database.NewContext();
        Assert.False(await check.ProcessedEvents.AnyAsync());
        Assert.False(await check.Creators.AnyAsync());
    }
}
