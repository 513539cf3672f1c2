using System.Globalization;
using CsvHelper;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Data;

namespace OpsBot.Audit;

/// <summary>
/// Audit lines as RFC 4180 CSV, oldest first like a log, with raw values (UTC instants, actor ids, verbs) and every
/// text whole: the table in chat cuts long reasons, the file does not.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Header = ["at", "actor", "actorName", "action", "subject", "proposal", "creatorId", "threadId", "before", "after", "why"];

    public static void Write(TextWriter output, IEnumerable<AuditEntry> lines)
    {
        using var csv = CsvWriter.Create(output, TableCsv.Options, leaveOpen: true);
        foreach (var name in Header) csv.WriteField(name);
        csv.EndRecord();
        foreach (var e in lines)
        {
            csv.WriteField(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(e.Actor);
            csv.WriteField(e.ActorName);
            csv.WriteField(e.Action);
            csv.WriteField(e.Subject);
            csv.WriteField(e.ProposalId is { } id ? Proposal.FormatNumber(id) : "");
            csv.WriteField(e.CreatorId ?? "");
            csv.WriteField(e.ThreadId ?? "");
            csv.WriteField(e.Before ?? "");
            csv.WriteField(e.After ?? "");
            csv.WriteField(e.Why ?? "");
            csv.EndRecord();
        }
    }

    /// <summary>The lines as an attachment named for what was asked and when: <c>audit-anna-20261120-0900Z.csv</c>, <c>audit-P-42-….csv</c>.</summary>
    public static ChatFile File(IEnumerable<AuditEntry> lines, string? scope, DateTimeOffset asOf)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, lines);
        var name = $"audit{(scope is null ? "" : "-" + scope)}-{asOf.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}Z.csv";
        return TableCsv.Utf8File(name, text.ToString());
    }
}
