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

public sealed record PressRequest(string? ActionId);

/// <param name="Updated">The pressed message as rewritten, when the action updated it.</param>
public sealed record PressResult(MessageView? Updated, MessageView? Reply);

/// <summary>Every 400 and 404 of the playground API: what was wrong, in a sentence.</summary>
public sealed record PlaygroundError(string Error);

/// <param name="Culture"><c>OpsBot:Culture</c>, for the page's <c>lang</c> and its number formats.</param>
/// <param name="Texts">Every key of PlaygroundText.resx in that culture.</param>
public sealed record PageTexts(string Culture, IReadOnlyDictionary<string, string> Texts);
