using OpsBot.Chat;
using OpsBot.Formatting;

namespace OpsBot.Nudges;

/// <summary>A creator's due question that no DM or email could carry.</summary>
public sealed record Unreachable(string Creator, DueThread Thread, TimeSpan Offset);

/// <summary>
/// The one line per sweep in the alerts channel for creators OpsBot could not nudge (no chat identity, no email):
/// who, which questions, when due, so someone on the team can reach them another way.
/// </summary>
public sealed class CouldNotNudgeMessage(OpsFormat format, OpsText text)
{
    private Texts T => text.Of(NudgeText.Resources);

    public ChatMessage Build(IReadOnlyList<Unreachable> unreachable, DateTimeOffset now)
    {
        var creators = unreachable.Select(u => u.Creator).Distinct().Count();
        var line = T.Rich("CouldNot.Text", creators, unreachable.Count);
        var table = new TableBlock(
            [T["Column.Creator"], T["Column.Thread"], T["Column.Deadline"], T["Column.Left"], T["Column.Offset"]],
            [.. unreachable.Select(u => (IReadOnlyList<string>)
            [
                u.Creator, u.Thread.ThreadId, format.Time(u.Thread.DeadlineAt),
                format.TimeLeft((long)(u.Thread.DeadlineAt - now).TotalMilliseconds), format.Duration(u.Offset),
            ])]);
        return new ChatMessage(line.ToString(), new TextBlock(line), table, new ContextBlock(T.Rich("CouldNot.Context")));
    }
}
