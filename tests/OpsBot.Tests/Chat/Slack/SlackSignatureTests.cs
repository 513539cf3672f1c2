using System.Text;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>Slack's published example (chat-protocols.md A1) and the ways a request must fail.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = SlackRequests.Secret;
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static bool Verify(string? timestamp = Timestamp, string? signature = Expected, string body = Body, DateTimeOffset? now = null, string secret = Secret) =>
        SlackSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now ?? SignedAt);

    [Fact]
    public void Verify_SlacksPublishedExample_Accepts()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(Body));
        Assert.True(Verify());
        Assert.Equal(Expected, SlackRequests.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void Verify_BodyChanged_Rejects() => Assert.False(Verify(body: Body + "------"));

    [Fact]
    public void Verify_WrongSecret_Rejects() => Assert.False(Verify(secret: Secret.Replace('8', '9')));

    [Fact]
    public void Verify_NoSecret_Rejects()
    {
        Assert.False(Verify(secret: "", signature: SlackRequests.Sign("", Timestamp, Body)));
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    public void Verify_TimestampMoreThanFiveMinutesFromNow_Rejects(int secondsLater, bool accepted) =>
        Assert.Equal(accepted, Verify(now: SignedAt.AddSeconds(secondsLater)));

    [Fact]
    public void Verify_ExampleAgainstTheRealClock_RejectsAsStale() => Assert.False(Verify(now: DateTimeOffset.UtcNow));

    [Fact]
    public void Verify_MissingHeaders_Rejects()
    {
        Assert.False(Verify(timestamp: null));
        Assert.False(Verify(signature: null));
        Assert.False(Verify(signature: ""));
    }

    [Theory]
    [InlineData("1531420618.0")]
    [InlineData(" 1531420618")]
    [InlineData("+1531420618")]
    [InlineData("soon")]
    public void Verify_NonNumericTimestamp_Rejects(string timestamp) =>
        Assert.False(Verify(timestamp, SlackRequests.Sign(Secret, timestamp, Body)));

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    public void Verify_UnknownVersionOrAlteredSignature_Rejects(string signature) => Assert.False(Verify(signature: signature));
}
