using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>Slack's response_url budget: five posts within 30 minutes of the interaction, per URL.</summary>
public sealed class SlackResponseUrlsTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Received);
    private readonly SlackResponseUrls urls;

    public SlackResponseUrlsTests() => urls = new SlackResponseUrls(clock);

    private static SlackResponseTarget Target(string id, DateTimeOffset? received = null) =>
        new(new Uri($"https://hooks.slack.com/commands/T1/{id}"), "C1", "U1", received ?? Received);

    [Fact]
    public void TryUse_FiveTimes_ThenRefuses_PerUrl()
    {
        var uses = Enumerable.Range(0, 6).Select(_ => urls.TryUse(Target("a"))).ToList();

        Assert.Equal([true, true, true, true, true, false], uses);
        Assert.True(urls.TryUse(Target("b")));
    }

    [Fact]
    public void TryUse_ThirtyMinutesAfterTheInteraction_Refuses()
    {
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(urls.TryUse(Target("a")));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(urls.TryUse(Target("a")));
        Assert.False(urls.TryUse(Target("c")));
        Assert.True(urls.TryUse(Target("d", received: clock.GetUtcNow())));
    }

    [Fact]
    public void TryUse_WithoutResponseUrl_Refuses() => Assert.False(urls.TryUse(new SlackResponseTarget(null, "C1", "U1", Received)));
}
