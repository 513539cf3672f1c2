using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Metrics;

namespace OpsBot.Nudges;

/// <summary>
/// The stop and resume buttons under <c>/ops nudges @creator</c> (<c>nudges.stop:anna</c>, <c>nudges.resume:anna</c>):
/// any ops member may press them. The answer is redrawn in place with the new state and the opposite button. Buttons
/// carry the handle, not the id: handles are at most 64 characters, so the id always fits Discord's 100.
/// </summary>
public abstract class NudgeSwitchAction(bool optOut, CreatorLookup lookup, NudgeSettings settings, NudgeList list, CreatorCards cards) : IChatAction
{
    public const string Stop = "nudges.stop", Resume = "nudges.resume";

    public abstract string Name { get; }

    public static string IdFor(string action, string handle) => ActionId.Create(action, handle).ToString();

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        if (await lookup.FindAsync(context.Action.Argument, ct) is not { } creator)
            return new ActionResult(Reply: await cards.UnknownAsync(context.Action.Argument, ct));
        await settings.SetAsync(creator.Id, optOut, context.Actor, ct);
        return new ActionResult(UpdateOriginal: await list.BuildAsync(creator, ct));
    }
}

public sealed class StopNudgesAction(CreatorLookup lookup, NudgeSettings settings, NudgeList list, CreatorCards cards)
    : NudgeSwitchAction(optOut: true, lookup, settings, list, cards)
{
    public override string Name => Stop;
}

public sealed class ResumeNudgesAction(CreatorLookup lookup, NudgeSettings settings, NudgeList list, CreatorCards cards)
    : NudgeSwitchAction(optOut: false, lookup, settings, list, cards)
{
    public override string Name => Resume;
}
