using System.Globalization;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// What the execution says besides the card: the alert when an execution failed for good (in the team's language),
/// and the note to a creator whose thread was refunded for a missed deadline (in the creator's language).
/// </summary>
public sealed class ExecutionNotes(OpsDbContext db, OpsText text, OpsFormat format)
{
    /// <summary>One alert per proposal: a failed execution is final, so it is escalated once.</summary>
    public static string AlertKey(long proposalId) => $"execution.failed:{proposalId}";

    public static string CreatorNoteKey(long proposalId) => $"{ProposalBook.CardKey(proposalId)}:creator-note";

    public async Task<ChatMessage> FailedAlertAsync(Proposal p, CancellationToken ct)
    {
        var t = text.Of(ExecutionText.Resources);
        var handle = await HandleAsync(p, ct);
        var kind = text.Of(ProposalText.Resources)[$"Kind.{p.Kind}"];
        var header = t.Format("Alert.Header", p.Number, kind, handle);
        return new ChatMessage(header,
            new HeaderBlock(header),
            new TextBlock(t.Rich("Alert.Text", p.Number, kind, handle, p.ThreadId ?? "-", p.DecidedByName ?? "-", p.ExecutionAttempts)),
            new TextBlock(t.Rich("Alert.LastError", p.ExecutionError ?? "-")),
            new ContextBlock(t.Rich("Alert.Next")));
    }

    /// <summary>Short and factual: which question, what the fan got back, and how to keep it from happening again.</summary>
    public async Task<ChatMessage> SlaRefundNoteAsync(Proposal p, CancellationToken ct)
    {
        var creator = await db.Creators.FindAsync([p.CreatorId], ct) ?? throw new InvalidOperationException($"Creator {p.CreatorId} is gone.");
        var culture = CultureOf(creator);
        var t = new Texts(ExecutionText.Resources, culture);
        var money = Money(p.AmountMinor ?? 0, p.Currency ?? creator.Currency, culture);
        var said = t.Rich("CreatorNote.SlaRefund", p.ThreadId, money);
        return new ChatMessage(said.ToString(), new TextBlock(said));
    }

    private async Task<string> HandleAsync(Proposal p, CancellationToken ct) =>
        (await db.Creators.FindAsync([p.CreatorId], ct))?.Handle ?? p.CreatorId;

    /// <summary>German for creators whose platform locale is German, English otherwise (the two languages OpsBot speaks).</summary>
    private CultureInfo CultureOf(Creator creator) => creator.Locale is { } locale
        ? CultureInfo.GetCultureInfo(locale.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? "de" : "en")
        : format.Culture;

    private static string Money(long minor, string currency, CultureInfo culture)
    {
        var numbers = Currencies.FormatFor(currency, culture);
        return (minor / Currencies.MinorPerMajor(numbers.CurrencyDecimalDigits)).ToString("C", numbers);
    }
}
