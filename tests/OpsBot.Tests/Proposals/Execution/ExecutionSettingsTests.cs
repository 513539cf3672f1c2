using OpsBot.Proposals.Execution;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Proposals.Execution;

public sealed class ExecutionSettingsTests
{
    private const string Secret = "tok-do-not-print";

    [Theory]
    [InlineData("Htp", "http://127.0.0.1:9/", Secret, "Platform:Mode")]
    [InlineData("Http", null, Secret, "Platform:ApiBaseUrl")]
    [InlineData("Http", "platform.example/api", Secret, "Platform:ApiBaseUrl")]
    [InlineData("Http", "http://platform.example/api", Secret, "Platform:ApiBaseUrl")]
    [InlineData("Http", "https://platform.example/api", null, "Platform:ApiToken")]
    public async Task BadPlatformSettings_AreRefusedAtStart_NamingTheKey_WithoutTheToken(string mode, string? url, string? token, string key)
    {
        using var database = new TestDatabase();
        var settings = new Dictionary<string, string?> { ["Platform:Mode"] = mode, ["Platform:ApiBaseUrl"] = url, ["Platform:ApiToken"] = token };

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(settings, database: database));

        Assert.Contains(key, refused.Message);
        Assert.DoesNotContain(Secret, refused.ToString());
    }

    [Theory]
    [InlineData("Proposals:Execution:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Proposals:Execution:Lease", "00:00:10", "Lease")]
    public async Task BadExecutionSettings_AreRefusedAtStart(string key, string value, string named)
    {
        using var database = new TestDatabase();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(new Dictionary<string, string?> { [key] = value }, database: database));

        Assert.Contains($"Proposals:Execution:{named}", refused.Message);
    }

    [Theory]
    [InlineData("https://platform.example/api", "https://platform.example/api/")]
    [InlineData("https://platform.example/api/", "https://platform.example/api/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    public void BaseUrl_EndsInASlash_SoPathsFollowIt(string configured, string expected)
    {
        Assert.True(PlatformApi.TryBaseUrl(configured, out var url));
        Assert.Equal(expected, url!.AbsoluteUri);
    }

    [Fact]
    public void RetryAfter_DoublesFromTheFirstWait_AndThePlatformsLongerWaitWins()
    {
        var options = new ExecutionOptions();

        Assert.Equal([30, 60, 120, 240], Enumerable.Range(1, 4).Select(a => options.RetryAfter(a, null).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), options.RetryAfter(20, null));
        Assert.Equal(TimeSpan.FromSeconds(300), options.RetryAfter(1, TimeSpan.FromSeconds(300)));
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryAfter(1, TimeSpan.FromSeconds(2)));
    }
}
