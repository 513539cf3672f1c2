using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpsBot.Platform.Demo;

/// <summary>
/// Writes events as NDJSON envelopes (metrics.md §1) with sequential ids (<c>evt_000001</c>), in chunks so
/// a long history streams, and counts them per type. Lines end in <c>\n</c> on every OS: same bytes everywhere.
/// </summary>
internal sealed class NdjsonEventWriter(TextWriter output)
{
    private const int ChunkChars = 1 << 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcSecondsConverter() },
    };

    private readonly StringBuilder chunk = new(ChunkChars + 1024);
    private readonly OrderedDictionary<string, long> counts = new()
    {
        [CreatorUpserted.TypeName] = 0, [ChatVisited.TypeName] = 0, [CheckoutStarted.TypeName] = 0, [ThreadCreated.TypeName] = 0,
        [ThreadReplied.TypeName] = 0, [ThreadRefunded.TypeName] = 0, [MessageFlagged.TypeName] = 0, [RefundReviewRequested.TypeName] = 0,
    };
    private long written;

    public async Task WriteAsync(IPlatformEvent e, CancellationToken ct)
    {
        var envelope = new Envelope(DemoIds.Next("evt", ++written), e.Type, e.OccurredAt, e);
        chunk.Append(JsonSerializer.Serialize(envelope, Json)).Append('\n');
        counts[e.Type]++;
        if (chunk.Length >= ChunkChars) await FlushChunkAsync(ct);
    }

    public async Task<DemoDataSummary> CompleteAsync(CancellationToken ct)
    {
        await FlushChunkAsync(ct);
        await output.FlushAsync(ct);
        return new DemoDataSummary(counts);
    }

    private async Task FlushChunkAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await output.WriteAsync(chunk, ct);
        chunk.Clear();
    }

    /// <summary><c>data</c> is typed <c>object</c> so the serializer writes the event record's own fields.</summary>
    private sealed record Envelope(string Id, string Type, DateTimeOffset OccurredAt, object Data);

    /// <summary>ISO-8601 UTC with <c>Z</c>, to the second (the serializer's default would write <c>+00:00</c> and fractions).</summary>
    private sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Demo events are only written.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
