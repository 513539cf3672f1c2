using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Nudges;

/// <summary>
/// "Stop these reminders" under a nudge in the creator's DM (<c>nudges.optout:anna</c>): the creator opts themselves out.
/// Only the creator may: in Slack the presser must be their Slack user; in the playground the press must come from their
/// DM there (the playground stands in for the creator's chat). The ops team resumes them with <c>/ops nudges @anna</c>.
/// </summary>
public sealed class StopRemindersAction(CreatorLookup lookup, NudgeSettings settings, SlackDirectory slack, CreatorVoices voices, OpsText text)
    : IChatAction
{
    public const string ActionName = "nudges.optout";

    public string Name => ActionName;

    public static string IdFor(string handle) => ActionId.Create(ActionName, handle).ToString();

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        var creator = await lookup.FindAsync(context.Action.Argument, ct);
        if (creator is null) return Refused(context);
        try
        {
            if (!await IsTheCreatorAsync(context, creator.Id, ct)) return Refused(context);
        }
        catch (SlackLookupException)
        {
            // Slack could not say who the presser is: refuse for now rather than stop someone else's reminders.
            var later = voices.For(creator).Texts.Rich("OptOut.TryLater");
            return new ActionResult(Reply: new ChatMessage(later.ToString(), new TextBlock(later)));
        }
        await settings.SetAsync(creator.Id, optedOut: true, context.Actor, ct);
        var done = voices.For(creator).Texts.Rich("OptOut.Done");
        return new ActionResult(Reply: new ChatMessage(done.ToString(), new TextBlock(done)));
    }

    private ActionResult Refused(ActionContext context)
    {
        var refused = text.Of(NudgeText.Resources).Rich("OptOut.NotYours", context.Action.Argument);
        return new ActionResult(Reply: new ChatMessage(refused.ToString(), new TextBlock(refused)));
    }

    private async Task<bool> IsTheCreatorAsync(ActionContext context, string creatorId, CancellationToken ct) => context.Actor.Platform switch
    {
        SlackInboundServices.Platform => await slack.CreatorUserIdAsync(creatorId, ct) == context.Actor.Id,
        PlaygroundServices.Platform => context.ChannelId == PlaygroundChannel.CreatorDm(creatorId),
        _ => false,
    };
}
