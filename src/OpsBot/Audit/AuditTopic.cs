using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Metrics;
using OpsBot.Ops;

namespace OpsBot.Audit;

/// <summary>
/// <c>/ops audit [@creator | P-42]</c>: the newest audit lines (when, who, what, subject, before → after, why), of one
/// creator or one proposal if asked, with the whole filtered log attached as CSV. A subject shaped like a proposal
/// number (<c>P-42</c>) is read as one; anything else as a creator's handle.
/// </summary>
public sealed class AuditTopic(OpsDbContext db, CreatorLookup creators, CreatorCards cards, OpsFormat format, OpsText text, TimeProvider clock) : IOpsTopic
{
    /// <summary>Lines shown in chat; the CSV has the rest.</summary>
    public const int MaxRows = 15;

    /// <summary>Lines in the CSV, newest kept: years of nudges and alerts would make a file no chat takes.</summary>
    public const int MaxCsvRows = 10_000;

    public string Name => "audit";

    public bool TakesSubject => true;

    private Texts T => text.Of(AuditText.Resources);

    public async Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        IQueryable<AuditEntry> lines = db.AuditLog.AsNoTracking();
        string? scope = null;
        if (context.Args.Handle(OpsCommand.SubjectOption) is { } subject)
        {
            if (Proposal.TryParseNumber(subject, out var id))
            {
                scope = Proposal.FormatNumber(id);
                if (!await db.Proposals.AnyAsync(p => p.Id == id, ct)) return Message(T.Rich("UnknownProposal", scope));
                lines = lines.Where(e => e.ProposalId == id);
            }
            else if (await creators.FindAsync(subject, ct) is { } creator)
            {
                scope = creator.Handle;
                lines = lines.Where(e => e.CreatorId == creator.Id);
            }
            else return await cards.UnknownAsync(subject, ct);
        }

        var now = clock.GetUtcNow();
        var header = scope is null ? T["Header"] : T.Format("Header.Of", scope);
        var total = await lines.CountAsync(ct);
        if (total == 0) return new ChatMessage(header, new HeaderBlock(header), new TextBlock(T.Rich("Empty")));
        var newest = await lines.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxCsvRows).ToListAsync(ct);
        var shown = newest.Take(MaxRows).ToList();
        var summary = T.Rich(total > MaxCsvRows ? "Context.Capped" : "Context", shown.Count, total, MaxCsvRows);
        return new ChatMessage($"{header}: {summary}", [new HeaderBlock(header), Table(shown, total), new ContextBlock(summary)],
            [AuditCsv.File(Enumerable.Reverse(newest), scope, now)]);
    }

    private TableBlock Table(List<AuditEntry> shown, int total) => new(
        [T["Column.When"], T["Column.Who"], T["Column.What"], T["Column.Subject"], T["Column.Change"], T["Column.Why"]],
        [.. shown.Select(e => (IReadOnlyList<string>)[format.Time(e.At), e.ActorName, e.Action, e.Subject, Change(e), e.Why ?? ""])],
        total);

    private static string Change(AuditEntry e) => (e.Before, e.After) switch
    {
        (null, null) => "",
        (null, { } after) => after,
        ({ } before, null) => before,
        var (before, after) => $"{before} → {after}",
    };

    private static ChatMessage Message(RichText text) => new(text.ToString(), new TextBlock(text));
}
