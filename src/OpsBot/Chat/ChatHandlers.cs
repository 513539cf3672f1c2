namespace OpsBot.Chat;

/// <summary>Who pressed or typed, as the adapter identified them (Slack user id, Discord snowflake, playground identity).</summary>
/// <param name="Platform"><c>slack</c>, <c>discord</c> or <c>playground</c>.</param>
public sealed record ChatActor(string Platform, string Id, string DisplayName);

/// <summary>Where and by whom a command was run.</summary>
public sealed record CommandContext(ChatActor Actor, string ChannelId, CommandArgs Args);

/// <summary>A slash command: its spec and what it answers. Features register each one explicitly.</summary>
public interface IChatCommand
{
    CommandSpec Spec { get; }

    Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct);
}

/// <summary>Where and by whom a button was pressed.</summary>
/// <param name="MessageId">The adapter's id of the message carrying the button, when it has one.</param>
/// <param name="Input">
/// The line the presser typed when this run answers a <see cref="ChatPrompt"/> (as typed, possibly empty); null for a
/// plain button press.
/// </param>
public sealed record ActionContext(ChatActor Actor, string ChannelId, ActionId Action, string? MessageId, string? Input = null);

/// <summary>What a press leads to: a private reply to the presser, the pressed message rewritten, and/or a question.</summary>
/// <param name="Prompt">Ask the presser for one line of text, then run <see cref="ChatPrompt.SubmitActionId"/> with it.</param>
public sealed record ActionResult(ChatMessage? Reply = null, ChatMessage? UpdateOriginal = null, ChatPrompt? Prompt = null);

/// <summary>A button handler for one action name (<c>feature.verb</c>).</summary>
public interface IChatAction
{
    string Name { get; }

    Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct);
}

public static class ChatRegistration
{
    public static IServiceCollection AddChatCommand<T>(this IServiceCollection services) where T : class, IChatCommand =>
        services.AddScoped<IChatCommand, T>();

    public static IServiceCollection AddChatAction<T>(this IServiceCollection services) where T : class, IChatAction =>
        services.AddScoped<IChatAction, T>();
}
