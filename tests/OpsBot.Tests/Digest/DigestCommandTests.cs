using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>/digest through the real host's registrations and the dispatcher every chat adapter uses.</summary>
public sealed class DigestCommandTests
{
    private static readonly ChatActor Ops = new("playground", "u1", "Ops");

    private static async Task<ChatReply> RunAsync(TestHost host, string text)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDispatcher>().RunCommandAsync(new ChatInvocation("digest", Ops, "ops-daily", text), default);
    }

    [Theory]
    [InlineData("daily", "Daily digest", false)]
    [InlineData("weekly public", "Weekly digest", true)]
    public async Task Digest_Kind_AnswersThatDigest(string text, string title, bool isPublic)
    {
        await using var host = await TestHost.StartAsync();

        var reply = await RunAsync(host, text);

        Assert.StartsWith(title, reply.Message.Blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal(isPublic, reply.Public);
    }

    [Theory]
    [InlineData("monthly")]
    [InlineData("")]
    public async Task Digest_BadOrMissingKind_AnswersUsagePrivately(string text)
    {
        await using var host = await TestHost.StartAsync();

        var reply = await RunAsync(host, text);

        Assert.False(reply.Public);
        Assert.Contains("Usage: /digest <daily|weekly> [public]", reply.Message.Fallback);
    }
}
