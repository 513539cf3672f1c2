using OpsBot.Formatting;

namespace OpsBot.Chat;

/// <summary>A command as an adapter received it: free text (Slack, playground) or named options (Discord).</summary>
public sealed record ChatInvocation(string Command, ChatActor Actor, string ChannelId, string? Text = null, IReadOnlyDictionary<string, string>? Named = null);

/// <summary>The answer and whether the whole channel sees it.</summary>
public sealed record ChatReply(ChatMessage Message, bool Public);

/// <summary>
/// Runs commands and button presses for every adapter: finds the handler, parses the arguments, and turns
/// every failure into a message, so nothing ever throws to the user and a bad argument changes nothing.
/// </summary>
public sealed class ChatDispatcher(ChatRegistry registry, OpsText text, ILogger<ChatDispatcher> log)
{
    private Texts T => text.Of(ChatText.Resources);

    public async Task<ChatReply> RunCommandAsync(ChatInvocation invocation, CancellationToken ct)
    {
        if (registry.Command(invocation.Command) is not { } command)
            return Private(Error(T.Rich("Error.UnknownCommand", invocation.Command.TrimStart('/'))));
        try
        {
            var args = invocation.Named is null
                ? CommandParser.Parse(command.Spec, invocation.Text)
                : CommandParser.FromNamed(command.Spec, invocation.Named);
            var message = await command.ExecuteAsync(new CommandContext(invocation.Actor, invocation.ChannelId, args), ct);
            return new ChatReply(message, args.Public);
        }
        catch (CommandUsageException e)
        {
            return Private(Usage(e));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Private(Failure(e, $"/{command.Spec.Name}"));
        }
    }

    /// <param name="input">What the presser typed into a <see cref="ChatPrompt"/>; null for a plain press.</param>
    public async Task<ActionResult> RunActionAsync(string actionId, ChatActor actor, string channelId, string? messageId, CancellationToken ct, string? input = null)
    {
        if (!ActionId.TryParse(actionId, out var id) || registry.Action(id) is not { } action)
            return new ActionResult(Reply: Error(T.Rich("Error.UnknownAction")));
        try
        {
            return await action.ExecuteAsync(new ActionContext(actor, channelId, id, messageId, input), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ActionResult(Reply: Failure(e, id.Name));
        }
    }

    private ChatMessage Usage(CommandUsageException e)
    {
        var problem = T.Rich(e.ErrorKey, e.Args);
        var usage = T.Rich("Usage", e.Spec.Usage);
        return new ChatMessage($"{problem} {usage}", new TextBlock(problem), new ContextBlock(usage));
    }

    /// <summary>The user gets a reference to quote; the exception goes to the log only.</summary>
    private ChatMessage Failure(Exception e, string what)
    {
        var reference = Guid.NewGuid().ToString("N")[..8];
        log.LogError(e, "{What} failed (reference {Reference})", what, reference);
        return Error(T.Rich("Error.Failed", reference));
    }

    private static ChatMessage Error(RichText problem) => new(problem.ToString(), new TextBlock(problem));

    private static ChatReply Private(ChatMessage message) => new(message, Public: false);
}
