using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpsBot.Chat;

namespace OpsBot.Tests.Chat;

/// <summary>The dispatcher in the real host: every failure becomes a private message, nothing throws to the user.</summary>
public sealed class ChatDispatcherTests(ChatHost chat) : IClassFixture<ChatHost>
{
    private async Task<T> Dispatch<T>(Func<ChatDispatcher, Task<T>> run)
    {
        await using var scope = chat.Host.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<ChatDispatcher>());
    }

    private Task<ChatReply> Run(string command, string text) =>
        Dispatch(d => d.RunCommandAsync(new ChatInvocation(command, chat.Actor, "C-ops", text), CancellationToken.None));

    private Task<ActionResult> Press(string actionId) =>
        Dispatch(d => d.RunActionAsync(actionId, chat.Actor, "C-ops", "m-1", CancellationToken.None));

    [Fact]
    public async Task RunCommand_Registered_AnswersWithItsVisibility()
    {
        var reply = await Run("/echo", "@anna public");

        Assert.True(reply.Public);
        Assert.StartsWith("anna", reply.Message.Fallback);
        Assert.Equal(["echo.again:anna", "echo.fail:anna"], reply.Message.Buttons.Select(b => b.ActionId));
    }

    [Fact]
    public async Task RunCommand_Unknown_AnswersPrivatelyNamingIt()
    {
        var reply = await Run("/nope", "");

        Assert.False(reply.Public);
        Assert.Equal("There is no command /nope. Try /ops help.", reply.Message.Fallback);
    }

    [Fact]
    public async Task RunCommand_MissingArgument_AnswersPrivatelyWithTheUsage()
    {
        var reply = await Run("/echo", "");

        Assert.False(reply.Public);
        Assert.Equal("Missing creator. Usage: /echo <@creator> [public]", reply.Message.Fallback);
    }

    [Fact]
    public async Task RunCommand_HandlerThrows_AnswersPrivatelyWithAReferenceAndLogsTheException()
    {
        var reply = await Run("/boom", "public");

        Assert.False(reply.Public);
        var reference = Assert.Single(System.Text.RegularExpressions.Regex.Matches(reply.Message.Fallback, "reference ([0-9a-f]{8})")).Groups[1].Value;
        Assert.StartsWith("Something went wrong", reply.Message.Fallback);
        var logged = Assert.Single(chat.Logs.Entries, e => e.Message.Contains(reference));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<BoomException>(logged.Exception);
        Assert.Contains("/boom", logged.Message);
    }

    [Fact]
    public async Task RunAction_Registered_Answers()
    {
        var result = await Press("echo.again:bob");

        Assert.Equal("bob", result.Reply!.Blocks.OfType<TextBlock>().Single().Text.ToString());
    }

    [Theory]
    [InlineData("nobody.handles:42")]
    [InlineData("not an id")]
    public async Task RunAction_UnknownOrMalformedId_SaysTheButtonNoLongerWorks(string actionId)
    {
        var result = await Press(actionId);

        Assert.Equal("This button no longer works.", result.Reply!.Fallback);
        Assert.Null(result.UpdateOriginal);
    }

    [Fact]
    public async Task RunAction_HandlerThrows_AnswersWithAReferenceAndLogsTheException()
    {
        var result = await Press("echo.fail:anna");

        var reference = System.Text.RegularExpressions.Regex.Match(result.Reply!.Fallback, "reference ([0-9a-f]{8})").Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.IsType<BoomException>(Assert.Single(chat.Logs.Entries, e => e.Message.Contains(reference)).Exception);
    }
}
