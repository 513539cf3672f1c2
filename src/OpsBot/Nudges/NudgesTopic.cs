using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Metrics;
using OpsBot.Ops;

namespace OpsBot.Nudges;

/// <summary><c>/ops nudges [@creator]</c>: the nudges of the last 7 days, overall or for one creator with their opt-out switch.</summary>
public sealed class NudgesTopic(CreatorLookup lookup, CreatorCards cards, NudgeList list) : IOpsTopic
{
    public string Name => "nudges";

    public bool TakesSubject => true;

    public async Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Args.Handle(OpsCommand.SubjectOption) is not { } handle) return await list.BuildAsync(null, ct);
        // An unknown handle answers like /creator does: it says so and offers the closest handles.
        return await lookup.FindAsync(handle, ct) is { } creator ? await list.BuildAsync(creator, ct) : await cards.UnknownAsync(handle, ct);
    }
}
