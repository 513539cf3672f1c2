using System.Globalization;
using System.Text.Json.Nodes;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// The messages FakeSlack holds per channel: what chat.postMessage posted (with its metadata), and what
/// conversations.history reads back (newest first, after <c>oldest</c>, <c>limit</c> a page, <c>cursor</c> for the next).
/// </summary>
public sealed class FakeSlackChannels
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<FakeMessage>> channels = [];
    private int ts;

    /// <summary>Gives each message's ts its seconds; set it to the host's clock so <c>oldest</c> means the same on both sides.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The messages in <paramref name="channel"/>, oldest first: what people there see.</summary>
    public IReadOnlyList<FakeMessage> In(string channel)
    {
        lock (gate) return channels.TryGetValue(channel, out var messages) ? [.. messages] : [];
    }

    public string NextTs() =>
        $"{Clock.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref ts):D6}";

    public JsonObject Post(SlackCall call)
    {
        var channel = call.Arg("channel") ?? "";
        var message = Add(channel, call.Arg("text"), call.Arg("metadata") is { } metadata ? JsonNode.Parse(metadata) as JsonObject : null);
        return new() { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts };
    }

    /// <summary>A message that is in the channel without this test's host posting it: a person's, or an earlier instance's.</summary>
    public FakeMessage Add(string channel, string? text, JsonObject? metadata = null)
    {
        var message = new FakeMessage(NextTs(), text, metadata);
        lock (gate)
        {
            if (!channels.TryGetValue(channel, out var messages)) channels[channel] = messages = [];
            messages.Add(message);
        }
        return message;
    }

    /// <remarks>Metadata only with <c>include_all_metadata=true</c>, so a caller that forgets it finds nothing.</remarks>
    public JsonObject History(SlackCall call)
    {
        var oldest = decimal.Parse(call.Arg("oldest") ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(call.Arg("limit") ?? "100", CultureInfo.InvariantCulture);
        var skip = call.Arg("cursor") is { Length: > 0 } cursor ? int.Parse(cursor[1..], CultureInfo.InvariantCulture) : 0;
        var withMetadata = call.Arg("include_all_metadata") == "true";
        var newestFirst = In(call.Arg("channel") ?? "").Where(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest).Reverse().ToList();
        var page = newestFirst.Skip(skip).Take(limit).Select(m =>
        {
            var json = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text };
            if (withMetadata && m.Metadata is not null) json["metadata"] = m.Metadata.DeepClone();
            return (JsonNode)json;
        });
        var hasMore = skip + limit < newestFirst.Count;
        return new()
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = hasMore,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? $"o{skip + limit}" : "" },
        };
    }
}

/// <param name="Metadata">As posted (<c>event_type</c>, <c>event_payload</c>), or null.</param>
public sealed record FakeMessage(string Ts, string? Text, JsonObject? Metadata);
