namespace OpsBot.Chat;

/// <summary>
/// "Ask the presser for one line of text, then run <see cref="SubmitActionId"/> with it": an action returns this in
/// <see cref="ActionResult.Prompt"/>, the adapter shows it (a Slack modal, a playground dialog) to the presser only,
/// and runs the submit action through the <see cref="ChatDispatcher"/> with <see cref="ActionContext.Input"/> set to
/// what was typed. The submit run is a press like any other: its handler checks everything again.
/// </summary>
/// <param name="Title">Short: Slack shows at most 24 characters.</param>
/// <param name="Label">What to type, above the input.</param>
/// <param name="SubmitActionId">
/// An <see cref="ActionId"/> string, usually the pressed button's own id (the playground accepts only the ids of buttons
/// the pressed message carries).
/// </param>
/// <param name="Placeholder">Shown greyed in the empty input.</param>
/// <param name="Problem">
/// Set when the submit action refused the input (nothing changed): the adapter asks again, showing this next to the
/// input (Slack keeps the modal open with the error).
/// </param>
/// <param name="MaxLength">The input takes at most this many characters (Slack: 3000 at most).</param>
public sealed record ChatPrompt(string Title, string Label, string SubmitActionId, string? Placeholder = null, string? Problem = null, int MaxLength = ChatPrompt.MaxInput)
{
    public const int MaxInput = 3000;
}
