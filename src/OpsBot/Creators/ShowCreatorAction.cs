using OpsBot.Chat;

namespace OpsBot.Creators;

/// <summary>The "Card" button (<c>creator.show:anna</c>) under the radar and under "did you mean": answers with the card.</summary>
public sealed class ShowCreatorAction(CreatorCards cards) : IChatAction
{
    public const string ActionName = "creator.show";

    public string Name => ActionName;

    /// <summary>The button id for one creator; handles are at most 64 characters, so it always fits.</summary>
    public static string IdFor(string handle) => ActionId.Create(ActionName, handle).ToString();

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct) =>
        new(Reply: await cards.ShowAsync(context.Action.Argument, ct));
}
