using OpsBot.Chat;

namespace OpsBot.Proposals.ByHand;

/// <summary>
/// <c>/propose &lt;refund|checkout|ban|fastlane|price|lift&gt; &lt;thread-id | @creator&gt; [value]</c>: a proposal for an
/// approver, made by hand. A refund names a thread; every other kind a creator. <c>price</c> takes the new price
/// (<c>12.50</c>) or the new fast-lane factor (<c>x1.3</c>). The answer, private, is the proposal's number or why not.
/// </summary>
public sealed class ProposeCommand(ManualProposals proposals) : IChatCommand
{
    public CommandSpec Spec { get; } = new("propose", "Propose a refund, checkout stop, ban, fast-lane block, price change or lift",
    [
        new OptionSpec("action", "What to propose", OptionKind.Choice, Required: true, Choices: ManualKinds.All),
        // Handle-shaped: "@anna" and a thread id like "thr_000123" both fit; the action says which it is.
        new OptionSpec("target", "The thread id for a refund, else the creator (@handle)", OptionKind.Handle, Required: true),
        new OptionSpec("value", "For price: the new price (12.50) or fast-lane factor (x1.3)", OptionKind.Text),
    ]);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        // The parser lets only the spec's choices through, so the word is always a kind.
        ManualKinds.TryParse(context.Args.Text("action"), out var kind);
        return proposals.ProposeAsync(context.Actor, kind, context.Args.Handle("target")!, context.Args.Text("value"), ct);
    }
}
