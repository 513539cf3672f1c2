using System.Globalization;
using System.Text;
using OpsBot.Chat;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>
/// <c>/sample [hours] [@creator]</c>: a message with every block type, an image and a file, so the playground
/// is exercised fully without the real commands (built elsewhere). One table cell is markup, to prove escaping.
/// </summary>
public sealed class SampleCommand : IChatCommand
{
    public const string Markup = "<img src=x onerror=alert(1)>";
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAICAIAAAB/FOjAAAAAPElEQVR42n3LwQkAIAwEwe3InuzWqvQhhJCsHvcaWLZtzPVyVDW4jmoPwlEtQXZUc1Ac1Qi6o3oDdVQ/P3GCCLgtIZ86AAAAAElFTkSuQmCC");
    public static readonly byte[] Csv = Encoding.UTF8.GetBytes("creator,lane,amount\nanna,fast,29.99\n");

    public CommandSpec Spec { get; } = new("sample", "Every kind of block, for playground tests",
        [new OptionSpec("hours", "Hours ahead", OptionKind.Number), new OptionSpec("creator", "A creator", OptionKind.Handle)]);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        var culture = CultureInfo.InvariantCulture;
        var hours = context.Args.Number("hours") ?? 12;
        var creator = context.Args.Handle("creator") ?? "everyone";
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var message = new ChatMessage($"Sample for {creator}",
            new HeaderBlock("Sample radar"),
            new TextBlock(RichText.Format(culture, "**{0}** threads at risk within _{1}_ hours, first due {2}", 7, hours, new TimeValue(at, "2026-11-20 11:00"))),
            new FieldsBlock([new ChatField("Creator", RichText.Plain(creator)), new ChatField("Asked by", RichText.Plain(context.Actor.DisplayName))]),
            new TableBlock(["Creator", "Lane", "Amount"], [["anna", "fast", "29.99"], ["ben", "standard", "9.99"], [Markup, "standard", "4.99"]], TotalRows: 7),
            new ContextBlock(RichText.Format(culture, "As of `{0}`", "09:00")),
            new ImageBlock("sample.png", Png, "Bars rising left to right"),
            new ButtonsBlock([
                new ChatButton("sample.ack:update", "Acknowledge", ButtonStyle.Primary, Confirm: "Acknowledge for everyone?"),
                new ChatButton("sample.ack:reply", "Just tell me", ButtonStyle.Danger),
            ]));
        return Task.FromResult(message.WithFiles(new ChatFile("sample.csv", Csv, "text/csv")));
    }
}

/// <summary><c>sample.ack:update</c> rewrites the message and replies; <c>sample.ack:reply</c> only replies.</summary>
public sealed class SampleAction : IChatAction
{
    public string Name => "sample.ack";

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var who = context.Actor.DisplayName;
        var reply = new ChatMessage($"Noted, {who}", new TextBlock(RichText.Plain($"Noted, {who} (message {context.MessageId})")));
        var update = context.Action.Argument == "update"
            ? new ChatMessage($"Acknowledged by {who}", new HeaderBlock("Sample radar"), new TextBlock(RichText.Plain($"Acknowledged by {who}")))
            : null;
        return Task.FromResult(new ActionResult(reply, update));
    }
}
