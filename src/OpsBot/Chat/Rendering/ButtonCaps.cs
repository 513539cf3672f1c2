namespace OpsBot.Chat.Rendering;

/// <summary>Keeps the first buttons a platform allows, per block and per message, with labels and confirmations cut to fit.</summary>
internal static class ButtonCaps
{
    public static IEnumerable<MessageBlock> Apply(IEnumerable<MessageBlock> blocks, MessageLimits limits)
    {
        var left = limits.ButtonsPerMessage;
        foreach (var block in blocks)
        {
            if (block is not ButtonsBlock row)
            {
                yield return block;
                continue;
            }
            var kept = row.Buttons.Take(Math.Min(limits.ButtonsPerBlock, left)).Select(b => Fit(b, limits)).ToList();
            left -= kept.Count;
            // A block whose buttons were all dropped disappears rather than showing an empty row.
            if (kept.Count > 0) yield return new ButtonsBlock(kept);
        }
    }

    private static ChatButton Fit(ChatButton button, MessageLimits limits) => button with
    {
        Label = TextCutter.Cut(button.Label, limits.ButtonLabel, limits.Markup),
        Confirm = button.Confirm is { } confirm ? TextCutter.Cut(confirm, limits.ConfirmText, limits.Markup) : null,
    };
}
