using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Platform.Demo;

public sealed class DemoSeedingTests
{
    private static readonly Dictionary<string, string?> SmallDemo = new()
    {
        ["Demo:SeedOnStart"] = "true",
        ["Demo:Creators"] = "6",
        ["Demo:Days"] = "10",
    };

    [Fact]
    public async Task Start_EmptyEmbeddedStore_SeedsDemoDataThroughTheFeed()
    {
        using var db = new TestDatabase(migrate: false);
        await using (await TestHost.StartAsync(SmallDemo, database: db)) { }

        await using var ctx = db.NewContext();
        Assert.Equal(6, await ctx.Creators.CountAsync());
        Assert.True(await ctx.Threads.CountAsync() > 0);
        // Every stored fact came through the importer, so every event id is recorded.
        Assert.True(await ctx.ProcessedEvents.CountAsync() >= await ctx.Threads.CountAsync() + 6);
    }

    [Fact]
    public async Task Seed_InterruptedHalfWay_LeavesAnEmptyStoreThatTheNextStartSeeds()
    {
        using var db = new TestDatabase();
        var large = new Dictionary<string, string?>(SmallDemo) { ["Demo:Creators"] = "40", ["Demo:Days"] = "365" };
        var app = OpsBotHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>(large) { ["ConnectionStrings:OpsBot"] = db.ConnectionString }));
        var seeding = app.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "DemoSeeding");
        using var stop = new CancellationTokenSource();
        // Stop as soon as a batch is visible to another connection, or after 3 s of a ~15 s seed: either
        // way well inside the history, with batches applied.
        var watcher = StopWhenAnythingIsVisibleAsync(db, stop, TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => seeding.StartAsync(stop.Token));
        await watcher;
        await app.DisposeAsync();

        await using (var ctx = db.NewContext()) Assert.False(await ctx.ProcessedEvents.AnyAsync());
        await using (await TestHost.StartAsync(SmallDemo, database: db)) { }
        await using var after = db.NewContext();
        Assert.Equal(6, await after.Creators.CountAsync());
    }

    private static async Task StopWhenAnythingIsVisibleAsync(TestDatabase db, CancellationTokenSource stop, TimeSpan atMost)
    {
        var until = DateTime.UtcNow + atMost;
        while (DateTime.UtcNow < until)
        {
            await using var ctx = db.NewContext();
            if (await ctx.ProcessedEvents.AnyAsync()) break;
            await Task.Delay(10);
        }
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Restart_StoreWithData_DoesNotSeedAgain()
    {
        using var db = new TestDatabase();
        await using (await TestHost.StartAsync(SmallDemo, database: db)) { }
        int events;
        await using (var ctx = db.NewContext()) events = await ctx.ProcessedEvents.CountAsync();

        await using (await TestHost.StartAsync(SmallDemo, now: DateTimeOffset.Parse("2026-11-21T09:00:00Z"), database: db)) { }

        await using var after = db.NewContext();
        Assert.Equal(events, await after.ProcessedEvents.CountAsync());
    }

    [Fact]
    public async Task Start_PlatformFeedConfigured_NeverSeeds()
    {
        using var db = new TestDatabase();
        var settings = new Dictionary<string, string?>(SmallDemo) { ["Platform:WebhookSecret"] = "a-real-feed" };
        await using (await TestHost.StartAsync(settings, database: db)) { }

        await using var ctx = db.NewContext();
        Assert.False(await ctx.Creators.AnyAsync());
    }

    [Fact]
    public async Task Start_StoreWithOnlyACreator_DoesNotSeed()
    {
        using var db = new TestDatabase();
        await using (var ctx = db.NewContext())
        {
            ctx.Creators.Add(new Creator { Id = "c1", Handle = "real", HandleKey = "real", DisplayName = "Real", Currency = "EUR", FastLaneFactor = 1.5m });
            await ctx.SaveChangesAsync();
        }

        await using (await TestHost.StartAsync(SmallDemo, database: db)) { }

        await using var after = db.NewContext();
        Assert.Equal(1, await after.Creators.CountAsync());
    }
}
