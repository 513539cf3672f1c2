using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Schedules;

/// <summary>The real jobs through the real host: schedule → claim → outbox → the playground's daily channel.</summary>
public sealed class CadenceJobsTests
{
    [Fact]
    public async Task MondayNine_PostsRadarAndBothDigestsOnce_ToTheDailyChannel()
    {
        // Monday 2026-11-23, 08:59 in Berlin.
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true", ["Demo:Creators"] = "6", ["Demo:Days"] = "14" },
            now: DateTimeOffset.Parse("2026-11-23T07:59:00Z"));
        var runner = host.Services.GetRequiredService<JobRunner>();
        await runner.TickAsync(CancellationToken.None);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await runner.TickAsync(CancellationToken.None);
        await runner.TickAsync(CancellationToken.None);

        var posts = await BotPostsAsync(host, expected: 3);
        Assert.Equal(3, posts.Count);
        Assert.Single(posts, p => p.StartsWith("SLA radar"));
        Assert.Single(posts, p => p.StartsWith("Daily digest"));
        Assert.Single(posts, p => p.StartsWith("Weekly digest"));
    }

    [Fact]
    public async Task TuesdayNine_PostsNoWeeklyDigest()
    {
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true", ["Demo:Creators"] = "4", ["Demo:Days"] = "10" },
            now: DateTimeOffset.Parse("2026-11-24T07:59:00Z"));
        var runner = host.Services.GetRequiredService<JobRunner>();
        await runner.TickAsync(CancellationToken.None);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await runner.TickAsync(CancellationToken.None);

        var posts = await BotPostsAsync(host, expected: 2);
        Assert.Equal(2, posts.Count);
        Assert.DoesNotContain(posts, p => p.StartsWith("Weekly digest"));
    }

    /// <summary>The fallback texts of OpsBot's posts in #ops-daily, once the outbox has delivered them (or 30 s passed).</summary>
    private static async Task<List<string>> BotPostsAsync(TestHost host, int expected)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        List<string> posts;
        do
        {
            var list = JsonNode.Parse(await host.Http.GetStringAsync("/playground/api/channels/ops-daily/messages?as=mara"))!.AsArray();
            posts = [.. list.Where(m => (bool)m!["fromBot"]!).Select(m => (string)m!["message"]!["fallback"]!)];
            if (posts.Count >= expected) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < until);
        // Give a wrongly duplicated post the chance to show up before counting.
        await Task.Delay(300);
        var again = JsonNode.Parse(await host.Http.GetStringAsync("/playground/api/channels/ops-daily/messages?as=mara"))!.AsArray();
        return [.. again.Where(m => (bool)m!["fromBot"]!).Select(m => (string)m!["message"]!["fallback"]!)];
    }
}
