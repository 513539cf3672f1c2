using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Proposals;

/// <summary>
/// The approval card in the approvals channel: what would happen and why, the creator's record, who proposed it and
/// when it expires; Approve and Reject while open. After a decision the same card (updated in place) shows the
/// decision, who made it and when, and the execution's outcome once known — and no buttons.
/// </summary>
public sealed class ProposalCard(OpsDbContext db, CreatorCardQuery creatorCards, OpsFormat format, OpsText text)
{
    public const string Approve = "proposal.approve", Reject = "proposal.reject";

    private Texts T => text.Of(ProposalText.Resources);

    public async Task<ChatMessage> RenderAsync(Proposal p, CancellationToken ct)
    {
        var creator = await db.Creators.FindAsync([p.CreatorId], ct) ?? throw new InvalidOperationException($"Creator {p.CreatorId} is gone.");
        var record = await creatorCards.RunAsync(creator.Handle, p.CreatedAt, ct);
        var header = T.Format("Card.Header", p.Number, T[$"Kind.{p.Kind}"], creator.Handle);
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(header),
            new TextBlock(What(p, creator)),
            new FieldsBlock(
            [
                new(T["Field.Why"], T.Rich("Card.Why", T.Find($"Reason.{p.Reason}") ?? p.Reason, p.Evidence ?? "")),
                new(T["Field.AnswerRate"], RichText.Plain(format.Percent(record?.AnswerRate.Rate))),
                new(T["Field.RefundRate"], RichText.Plain(format.Percent(record?.Refunds.Rate))),
                new(T["Field.ProposedBy"], T.Rich("Card.ProposedBy", p.RequestedByName, format.TimeValue(p.CreatedAt))),
            ]),
        };
        if (p.Status == ProposalStatus.Open)
        {
            blocks.Add(new ContextBlock(T.Rich("Card.Expires", format.TimeValue(p.ExpiresAt))));
            blocks.Add(new ButtonsBlock(
            [
                new ChatButton(ActionId.Create(Approve, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString(),
                    T["Button.Approve"], ButtonStyle.Primary, T.Format("Button.Approve.Confirm", T[$"Kind.{p.Kind}"], p.Number)),
                new ChatButton(ActionId.Create(Reject, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString(),
                    T["Button.Reject"], ButtonStyle.Danger),
            ]));
        }
        else blocks.Add(new TextBlock(Decision(p)));
        return new ChatMessage($"{header}: {What(p, creator)}", [.. blocks], []);
    }

    private RichText What(Proposal p, Creator c) => p.Kind switch
    {
        ProposalKind.Refund => T.Rich("What.Refund", format.Money(p.AmountMinor ?? 0, p.Currency), p.ThreadId, c.Handle),
        // Once executed, the creator's live price is the new one: "(now …)" would only repeat it.
        ProposalKind.AdjustPrice => T.Rich(p.Execution == ExecutionStatus.Succeeded ? "What.AdjustPrice.Done" : "What.AdjustPrice", c.Handle,
            format.Money(p.NewPriceMinor ?? c.StandardPriceMinor, c.Currency), (p.NewFastLaneFactor ?? c.FastLaneFactor).ToString("0.##", format.Culture),
            format.Money(c.StandardPriceMinor, c.Currency), c.FastLaneFactor.ToString("0.##", format.Culture)),
        _ => T.Rich($"What.{p.Kind}", c.Handle),
    };

    private RichText Decision(Proposal p)
    {
        var decided = p.DecidedAt is { } at ? format.TimeValue(at) : format.TimeValue(p.ExpiresAt);
        var line = T.Rich($"Decision.{p.Status}", p.DecidedByName ?? "OpsBot", decided, p.DecisionNote ?? "");
        return p.Execution switch
        {
            ExecutionStatus.Succeeded => line.Append(RichText.Plain("\n")).Append(T.Rich("Execution.Succeeded", format.TimeValue(p.ExecutedAt ?? p.DecidedAt!.Value), p.ExecutionResult ?? "")),
            ExecutionStatus.Failed => line.Append(RichText.Plain("\n")).Append(T.Rich("Execution.Failed", p.ExecutionAttempts, p.ExecutionError ?? "")),
            ExecutionStatus.Pending or ExecutionStatus.Running => line.Append(RichText.Plain("\n")).Append(Progress(p)),
            _ => line,
        };
    }

    /// <summary>Queued right after the approval; after a failed attempt, what went wrong and when the next try is.</summary>
    private RichText Progress(Proposal p) => (p.Execution, p.ExecutionAttempts) switch
    {
        (ExecutionStatus.Running, var attempt) => T.Rich("Execution.Running", attempt),
        (_, 0) => T.Rich("Execution.Queued"),
        (_, var failed) => T.Rich("Execution.Retrying", failed, p.ExecutionError ?? "", format.TimeValue(p.NextExecutionAt ?? p.DecidedAt!.Value)),
    };
}
