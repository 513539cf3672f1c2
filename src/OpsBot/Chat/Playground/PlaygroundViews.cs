using OpsBot.Data;

namespace OpsBot.Chat.Playground;

/// <summary>A stored message as the browser gets it: the ChatMessage itself, its bytes fetched by URL.</summary>
/// <param name="Private">Only the identity asking sees it.</param>
public sealed record MessageView(long Id, string Channel, string Author, string AuthorName, bool FromBot, bool Private, DateTimeOffset CreatedAt, ChatMessage Message)
{
    public static MessageView Of(PlaygroundMessage stored) => new(
        stored.Id, stored.Channel, stored.Author, stored.AuthorName, stored.Author == PlaygroundHistory.Bot.Id,
        stored.VisibleTo is not null, stored.CreatedAt, ChatMessageJson.Deserialize(stored.Content));
}

public sealed record IdentityView(string Id, string Name, PlaygroundRole Role);

public sealed record CommandView(string Name, string Usage, string Description);

public sealed record CommandRequest(string? Text);

public sealed record CommandRun(MessageView Echo, MessageView Reply);

/// <param name="Input">The line typed into a prompt, when this press answers one (<see cref="PressResult.Prompt"/>).</param>
public sealed record PressRequest(string? ActionId, string? Input = null);

/// <param name="Updated">The pressed message as rewritten, when the action updated it.</param>
/// <param name="Prompt">
/// A question for the presser: the page asks it and posts <see cref="ChatPrompt.SubmitActionId"/> on the same message
/// with the typed line as <see cref="PressRequest.Input"/>; with <see cref="ChatPrompt.Problem"/> set, the line was refused.
/// </param>
public sealed record PressResult(MessageView? Updated, MessageView? Reply, ChatPrompt? Prompt = null);

/// <summary>Every 400 and 404 of the playground API: what was wrong, in a sentence.</summary>
public sealed record PlaygroundError(string Error);

/// <param name="Culture"><c>OpsBot:Culture</c>, for the page's <c>lang</c> and its number formats.</param>
/// <param name="Texts">Every key of PlaygroundText.resx in that culture.</param>
public sealed record PageTexts(string Culture, IReadOnlyDictionary<string, string> Texts);
