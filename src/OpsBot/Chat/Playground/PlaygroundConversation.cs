using System.Globalization;
using OpsBot.Data;

namespace OpsBot.Chat.Playground;

/// <summary>
/// Commands typed and buttons pressed in the playground, run by the same <see cref="ChatDispatcher"/>
/// as Slack and Discord, with what was said stored in the history.
/// </summary>
public sealed class PlaygroundConversation(ChatDispatcher dispatcher, PlaygroundHistory history)
{
    /// <summary>
    /// Stores the typed command and OpsBot's answer. Like a Slack slash command, the echo is seen by the
    /// same people as the answer: only the asker, unless they added <c>public</c>.
    /// </summary>
    public async Task<(PlaygroundMessage Echo, PlaygroundMessage Reply)> RunCommandAsync(
        string channel, PlaygroundIdentity who, CommandLine line, CancellationToken ct)
    {
        var reply = await dispatcher.RunCommandAsync(new ChatInvocation(line.Command, who.Actor, channel, line.Text), ct);
        var visibleTo = reply.Public ? null : who.Id;
        var typed = new ChatMessage(line.Typed, new TextBlock(new RichText([new Span(line.Typed, SpanStyle.Code)])));
        var echo = history.Add(channel, who.Actor, visibleTo, typed);
        var answer = history.Add(channel, PlaygroundHistory.Bot, visibleTo, reply.Message);
        await history.SaveAsync(ct);
        return (echo, answer);
    }

    /// <summary>
    /// Runs a press of a button on <paramref name="pressed"/>: the update rewrites that message in place,
    /// the reply goes privately to the presser, and a prompt goes back to the page to ask.
    /// </summary>
    /// <param name="input">The line typed into the prompt this press answers; null for a plain press.</param>
    public async Task<(PlaygroundMessage? Updated, PlaygroundMessage? Reply, ChatPrompt? Prompt)> PressAsync(
        PlaygroundMessage pressed, PlaygroundIdentity who, string actionId, string? input, CancellationToken ct)
    {
        var messageId = pressed.Id.ToString(CultureInfo.InvariantCulture);
        var result = await dispatcher.RunActionAsync(actionId, who.Actor, pressed.Channel, messageId, ct, input);
        if (result.UpdateOriginal is { } update) history.Replace(pressed, update);
        var reply = result.Reply is { } message ? history.Add(pressed.Channel, PlaygroundHistory.Bot, who.Id, message) : null;
        await history.SaveAsync(ct);
        return (result.UpdateOriginal is null ? null : pressed, reply, result.Prompt);
    }
}
