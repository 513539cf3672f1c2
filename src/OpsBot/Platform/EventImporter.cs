using Microsoft.EntityFrameworkCore;

namespace OpsBot.Platform;

/// <summary>
/// Loads NDJSON (one event per line) through the same validation and idempotency as the webhook, in
/// batches. A bad line is rejected with its line number and does not stop the good ones.
/// Used by <c>opsbot import</c>, the demo-data seeding and the benchmark.
/// </summary>
public sealed class EventImporter(EventParser parser, EventFeed feed)
{
    public const int DefaultBatchSize = 1000;
    private const int ProgressEveryLines = 1000;

    public Task<ImportSummary> ImportAsync(TextReader ndjson, IProgress<long>? linesRead, CancellationToken ct) =>
        ImportAsync(ndjson, DefaultBatchSize, linesRead, ct);

    public async Task<ImportSummary> ImportAsync(TextReader ndjson, int batchSize, IProgress<long>? linesRead, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var summary = new Tally();
        var batch = new List<NumberedEvent>(batchSize);
        long line = 0;
        while (await ndjson.ReadLineAsync(ct) is { } text)
        {
            if (++line % ProgressEveryLines == 0) linesRead?.Report(line);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var parsed = parser.ParseOne(text);
            if (!parsed.Ok)
            {
                summary.Reject(line, parsed.Errors);
                continue;
            }
            batch.Add(new NumberedEvent(line, parsed.Events[0]));
            if (batch.Count == batchSize) await FlushAsync(batch, summary, ct);
        }
        await FlushAsync(batch, summary, ct);
        linesRead?.Report(line);
        return summary.ToSummary();
    }

    private async Task FlushAsync(List<NumberedEvent> batch, Tally summary, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var result = await TryApplyAsync(batch.ConvertAll(b => b.Event), ct);
        if (result.Ok)
        {
            summary.Add(result);
        }
        else
        {
            // Isolate the bad ones: in order, one by one, so each good event still lands after the
            // events it depends on (a creator before its threads).
            foreach (var (line, e) in batch)
            {
                var single = await TryApplyAsync([e], ct);
                if (single.Ok) summary.Add(single);
                else summary.Reject(line, single.Errors);
            }
        }
        batch.Clear();
    }

    private async Task<FeedResult> TryApplyAsync(IReadOnlyList<PlatformEvent> events, CancellationToken ct)
    {
        try
        {
            return await feed.ApplyAsync(events, ct);
        }
        catch (DbUpdateException e)
        {
            return new FeedResult(0, 0, [new EventError(null, events[0].Id, "$", $"the store refused it: {(e.InnerException ?? e).Message}")]);
        }
    }

    private sealed record NumberedEvent(long Line, PlatformEvent Event);

    private sealed class Tally
    {
        private long applied, duplicates;
        private readonly List<ImportRejection> rejected = [];

        public void Add(FeedResult result) => (applied, duplicates) = (applied + result.Applied, duplicates + result.Duplicates);

        public void Reject(long line, IReadOnlyList<EventError> errors) =>
            rejected.Add(new ImportRejection(line, errors[0].Id, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"))));

        public ImportSummary ToSummary() => new(applied, duplicates, rejected);
    }
}

/// <summary>What an import did. Rejected lines are listed in file order.</summary>
public sealed record ImportSummary(long Applied, long Duplicates, IReadOnlyList<ImportRejection> Rejected);

/// <summary>A line that was not stored, and why.</summary>
public sealed record ImportRejection(long Line, string? EventId, string Reason);
