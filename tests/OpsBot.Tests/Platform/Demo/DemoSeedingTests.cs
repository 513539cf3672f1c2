using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
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
