using OpsBot.Chat;
using OpsBot.Formatting;
using Microsoft.Extensions.Options;

namespace OpsBot.Nudges;

/// <summary>
/// The reminder a creator gets, in their voice: "3 questions are due within 12 hours", each question with its amount,
/// deadline, time left and link, and in a DM a button to stop these reminders (an email cannot carry one).
/// </summary>
public sealed class NudgeMessage(IOptions<NudgeOptions> options)
{
    public ChatMessage Build(CreatorVoice voice, string handle, TimeSpan offset, IReadOnlyList<DueThread> threads, DateTimeOffset now, bool inDm)
    {
        var t = voice.Texts;
        var within = voice.Format.Duration(offset);
        var header = threads.Count == 1 ? t.Format("Reminder.One", within) : t.Format("Reminder.Many", threads.Count, within);
        var blocks = new List<MessageBlock> { new HeaderBlock(header), new TextBlock(Lines(voice, threads, now)) };
        blocks.Add(new ContextBlock(t.Rich(inDm ? "Reminder.Context" : "Reminder.Context.Email", voice.Format.Zone.Id)));
        if (inDm)
            blocks.Add(new ButtonsBlock([new ChatButton(StopRemindersAction.IdFor(handle), t["Reminder.Stop"], Confirm: t["Reminder.Stop.Confirm"])]));
        return new ChatMessage(header, [.. blocks], []);
    }

    private RichText Lines(CreatorVoice voice, IReadOnlyList<DueThread> threads, DateTimeOffset now)
    {
        var lines = threads.Select(thread =>
        {
            var money = voice.Format.Money(thread.AmountMinor, thread.Currency);
            var left = voice.Format.TimeLeft((long)(thread.DeadlineAt - now).TotalMilliseconds);
            var deadline = voice.Format.TimeValue(thread.DeadlineAt);
            return options.Value.LinkTo(thread.ThreadId) is { } link
                ? voice.Texts.Rich("Reminder.Line.Link", money, deadline, left, link)
                : voice.Texts.Rich("Reminder.Line", money, deadline, left);
        }).ToList();
        return lines.Skip(1).Aggregate(lines[0], (all, line) => all.Append(RichText.Plain("\n")).Append(line));
    }
}
