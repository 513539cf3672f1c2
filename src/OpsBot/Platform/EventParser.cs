using System.Text.Json;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Platform;

/// <summary>
/// Turns JSON into validated <see cref="PlatformEvent"/>s (metrics.md §1). Pure: it checks each event
/// on its own; what depends on the store (unknown creators, handle clashes) is checked by <see cref="EventFeed"/>.
/// </summary>
public sealed class EventParser(IOptions<OpsBotOptions> options)
{
    /// <summary>Duplicate keys are refused: which of two <c>amountMinor</c>s was meant?</summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly string settledCurrency = options.Value.Currency;

    public static IReadOnlyCollection<string> Types => EventTypes.Readers.Keys.ToArray();

    /// <summary>A webhook body: a JSON array of events. Either every event is valid or there are errors.</summary>
    public ParsedEvents ParseArray(ReadOnlyMemory<byte> json)
    {
        var errors = new List<EventError>();
        using var document = TryParse(() => JsonDocument.Parse(json, Strict), errors);
        if (document is null) return new ParsedEvents([], errors);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            return new ParsedEvents([], [new EventError(null, null, "$", "the body must be a JSON array of events")]);
        var events = new List<PlatformEvent>(document.RootElement.GetArrayLength());
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (Read(element, index++, errors) is { } parsed) events.Add(parsed);
        }
        return new ParsedEvents(errors.Count == 0 ? events : [], errors);
    }

    /// <summary>One event on its own (an NDJSON line); errors carry index 0.</summary>
    public ParsedEvents ParseOne(string json)
    {
        var errors = new List<EventError>();
        using var document = TryParse(() => JsonDocument.Parse(json, Strict), errors);
        var parsed = document is null ? null : Read(document.RootElement, 0, errors);
        return new ParsedEvents(parsed is null ? [] : [parsed], errors);
    }

    private static JsonDocument? TryParse(Func<JsonDocument> parse, List<EventError> errors)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            errors.Add(new EventError(null, null, "$", $"not valid JSON: {e.Message}"));
            return null;
        }
    }

    private PlatformEvent? Read(JsonElement element, int index, List<EventError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EventError(index, null, "$", "an event must be a JSON object"));
            return null;
        }
        var errorsBefore = errors.Count;
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        var envelope = new FieldReader(element, "", index, id, settledCurrency, errors);
        envelope.Text("id");
        var type = envelope.Text("type", Limits.Code);
        var occurredAt = envelope.Time("occurredAt");
        var reader = EventTypes.Readers.GetValueOrDefault(type);
        if (type != "" && reader is null)
            envelope.Fail("type", $"unknown event type; known: {string.Join(", ", EventTypes.Readers.Keys)}");

        EventData? data = null;
        if (!element.TryGetProperty("data", out var dataElement) || dataElement.ValueKind == JsonValueKind.Null)
            envelope.Fail("data", "is required");
        else if (dataElement.ValueKind != JsonValueKind.Object)
            envelope.Fail("data", "must be a JSON object");
        else if (reader is not null)
            data = reader(new FieldReader(dataElement, "data.", index, id, settledCurrency, errors));

        return errors.Count == errorsBefore ? new PlatformEvent(id!, type, occurredAt, data!) : null;
    }
}

/// <summary>The events that passed, and one error per problem found (empty when all passed).</summary>
public sealed record ParsedEvents(IReadOnlyList<PlatformEvent> Events, IReadOnlyList<EventError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
