using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

public sealed partial class SlackRenderer
{
    /// <summary>Names the modal in <c>view_submission</c>: a submission with any other callback_id is not OpsBot's prompt.</summary>
    public const string PromptCallbackId = "opsbot.prompt";

    /// <summary>Where the typed line is found in <c>view.state.values</c>, and where an error about it is shown.</summary>
    public const string PromptBlockId = "prompt", PromptInputId = "line";

    /// <summary>
    /// A <see cref="ChatPrompt"/> as a modal view for <c>views.open</c> (A5: title, submit and close at most 24
    /// characters, label 2000, placeholder 150, a plain_text_input at most 3000, private_metadata at most 3000).
    /// </summary>
    /// <param name="privateMetadata">Slack hands it back unchanged with the submission.</param>
    public JsonObject Modal(ChatPrompt prompt, string privateMetadata)
    {
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = PromptInputId,
            ["max_length"] = Math.Clamp(prompt.MaxLength, 1, ChatPrompt.MaxInput),
        };
        if (prompt.Placeholder is { Length: > 0 } placeholder) input["placeholder"] = PlainText(Cut(placeholder, 150));
        var blocks = new JsonArray();
        if (prompt.Problem is { Length: > 0 } problem) blocks.Add(Section(SlackMrkdwn.Literal(Cut(problem, 3000))));
        blocks.Add(new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = PromptBlockId,
            ["label"] = PlainText(Cut(prompt.Label, 2000)),
            ["element"] = input,
        });
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = PromptCallbackId,
            ["private_metadata"] = privateMetadata,
            ["title"] = PlainText(Cut(prompt.Title, 24)),
            ["submit"] = PlainText(Cut(T["Prompt.Submit"], 24)),
            ["close"] = PlainText(Cut(T["Confirm.No"], 24)),
            ["blocks"] = blocks,
        };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
