using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpsBot.Data;

namespace OpsBot.Platform;

/// <summary>
/// Reads the fields of one JSON object strictly: no coercion (a "1999" string is not an amount),
/// null counts as absent. A bad field records an error and yields a placeholder, so one pass
/// reports every problem of an event; the caller discards the event when any error was recorded.
/// </summary>
internal sealed partial class FieldReader(JsonElement obj, string prefix, int index, string? eventId, string settledCurrency, List<EventError> errors)
{
    public int ErrorCount => errors.Count;

    public void Fail(string field, string reason) => errors.Add(new EventError(index, eventId, prefix + field, reason));

    public string Text(string field, int maxLength = Limits.Id) => ReadText(field, maxLength, required: true) ?? "";

    public string? OptionalText(string field, int maxLength = Limits.Id) => ReadText(field, maxLength, required: false);

    public long Minor(string field)
    {
        if (!TryGet(field, required: true, out var value)) return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var minor))
            Fail(field, "must be an integer in minor units (1999 = 19.99)");
        else if (minor < 0)
            Fail(field, "must not be negative");
        else
            return minor;
        return 0;
    }

    public decimal Number(string field, decimal min, decimal max)
    {
        if (!TryGet(field, required: true, out var value)) return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            Fail(field, "must be a number");
        else if (number < min || number > max)
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        else
            return number;
        return 0;
    }

    public bool Flag(string field)
    {
        if (!TryGet(field, required: true, out var value)) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Fail(field, "must be true or false");
        return false;
    }

    /// <summary>
    /// ISO-8601 with an explicit offset (a local time would be ambiguous), returned as UTC and cut to
    /// the millisecond the store keeps, so checks within a batch and against stored rows agree.
    /// </summary>
    public DateTimeOffset Time(string field)
    {
        if (!TryGet(field, required: true, out var value)) return default;
        if (value.ValueKind == JsonValueKind.String && IsoWithOffset().IsMatch(value.GetString()!) && value.TryGetDateTimeOffset(out var time))
            return DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
        Fail(field, "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-20T08:15:00Z");
        return default;
    }

    public T Choice<T>(string field, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        var text = ReadText(field, Limits.Code, required: true);
        if (text is null) return default;
        if (choices.TryGetValue(text, out var choice)) return choice;
        Fail(field, $"must be one of: {string.Join(", ", choices.Keys)}");
        return default;
    }

    /// <summary>A deployment settles in one currency; mixing currencies would make every sum wrong.</summary>
    public string Currency(string field)
    {
        var currency = ReadText(field, 3, required: true);
        if (currency is not null && currency != settledCurrency)
            Fail(field, $"must be {settledCurrency}, the one currency this deployment settles in (OpsBot:Currency)");
        return currency ?? "";
    }

    private string? ReadText(string field, int maxLength, bool required)
    {
        if (!TryGet(field, required, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) Fail(field, "must be a string");
        else if (string.IsNullOrWhiteSpace(value.GetString())) Fail(field, required ? "must not be empty" : "must not be empty (omit it or send null)");
        else if (value.GetString()!.Length > maxLength) Fail(field, $"must be at most {maxLength} characters");
        else return value.GetString();
        return null;
    }

    private bool TryGet(string field, bool required, out JsonElement value)
    {
        if (obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (required) Fail(field, "is required");
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
