using OpsBot.Chat;

namespace OpsBot.Creators;

/// <summary><c>/creator &lt;handle&gt;</c>: the creator's card, or the closest handles when there is no such creator.</summary>
public sealed class CreatorCommand(CreatorCards cards) : IChatCommand
{
    public CommandSpec Spec { get; } = new("creator", "A creator's card: status, price, open threads, 30-day figures, GMV, referrals, marks",
    [
        new OptionSpec("handle", "The creator's handle, with or without @", OptionKind.Handle, Required: true),
    ]);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) =>
        cards.ShowAsync(context.Args.Handle("handle")!, ct);
}
