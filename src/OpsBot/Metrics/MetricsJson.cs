using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OpsBot.Metrics;

/// <summary>
/// The one JSON shape of metrics output (metrics.md §5): camelCase names, enums as snake_case strings
/// (<c>sla_miss</c>, <c>answer_rate</c>, <c>critical</c>), instants ISO-8601 in UTC, nulls written out.
/// </summary>
public static class MetricsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
