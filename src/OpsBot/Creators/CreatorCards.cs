using OpsBot.Chat;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Creators;

/// <summary>
/// A creator's card, or, for a handle nobody has, the closest handles as buttons: the one answer to a
/// handle for <c>/creator</c>, the <c>creator.show</c> button and <c>/radar @creator</c>.
/// </summary>
public sealed class CreatorCards(CreatorCardQuery cards, CreatorLookup lookup, CreatorCardMessage message, OpsText text)
{
    private Texts T => text.Of(CreatorText.Resources);

    public async Task<ChatMessage> ShowAsync(string handle, CancellationToken ct) =>
        await cards.RunAsync(handle, ct: ct) is { } card ? message.Build(card) : await UnknownAsync(handle, ct);

    public async Task<ChatMessage> UnknownAsync(string handle, CancellationToken ct)
    {
        var suggestions = await lookup.SuggestHandlesAsync(handle, ct);
        var unknown = T.Rich("Unknown", handle.TrimStart('@'));
        if (suggestions.Count == 0)
            return new ChatMessage(unknown.ToString(), new TextBlock(unknown));
        var didYouMean = T.Rich("Unknown.DidYouMean", string.Join(", ", suggestions));
        return new ChatMessage(
            $"{unknown} {didYouMean}",
            new TextBlock(unknown.Append(RichText.Plain(" ")).Append(didYouMean)),
            new ButtonsBlock([.. suggestions.Select(h => new ChatButton(ShowCreatorAction.IdFor(h), h))]));
    }
}
