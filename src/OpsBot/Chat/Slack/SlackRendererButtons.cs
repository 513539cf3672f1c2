using System.Text.Json.Nodes;

namespace OpsBot.Chat.Slack;

public sealed partial class SlackRenderer
{
    /// <summary>
    /// Buttons carry their action id twice: as <c>action_id</c>, which identifies the click (A3), and as
    /// <c>value</c>, so the inbound side can read it from either. The fitter has made ids unique per message.
    /// </summary>
    private JsonObject Actions(ButtonsBlock block) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray([.. block.Buttons.Select(Button)]),
    };

    private JsonObject Button(ChatButton button)
    {
        var json = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(button.Label),
            ["action_id"] = button.ActionId,
            ["value"] = button.ActionId,
        };
        // Slack knows primary and danger; the default style is no style at all.
        var style = button.Style switch { ButtonStyle.Primary => "primary", ButtonStyle.Danger => "danger", _ => null };
        if (style is not null) json["style"] = style;
        if (button.Confirm is { } question) json["confirm"] = Confirm(question, style);
        return json;
    }

    /// <summary>The dialog Slack shows before the click counts; its buttons take the button's colour.</summary>
    private JsonObject Confirm(string question, string? style)
    {
        var dialog = new JsonObject
        {
            ["title"] = PlainText(T["Confirm.Title"]),
            // A confirmation without words still asks, rather than letting the click through unasked.
            ["text"] = PlainText(question.Length > 0 ? question : T["Confirm.Title"]),
            ["confirm"] = PlainText(T["Confirm.Yes"]),
            ["deny"] = PlainText(T["Confirm.No"]),
        };
        if (style is not null) dialog["style"] = style;
        return dialog;
    }
}
