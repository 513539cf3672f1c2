using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpsBot.Tests.Platform.Demo;

/// <summary>Every line is an event exactly as metrics.md §1 defines it: envelope, fields, JSON types, value domains.</summary>
public sealed partial class DemoDataContractTests
{
    private enum Kind { Text, Integer, Decimal, Bool, Timestamp }

    /// <summary>§1's table: field → JSON kind; a trailing '?' marks an optional field.</summary>
    private static readonly Dictionary<string, Dictionary<string, Kind>> Fields = new()
    {
        ["creator.upserted"] = new()
        {
            ["creatorId"] = Kind.Text, ["handle"] = Kind.Text, ["displayName"] = Kind.Text, ["email?"] = Kind.Text,
            ["timeZone?"] = Kind.Text, ["locale?"] = Kind.Text, ["standardPriceMinor"] = Kind.Integer, ["currency"] = Kind.Text,
            ["fastLaneFactor"] = Kind.Decimal, ["fastLaneEnabled"] = Kind.Bool, ["checkoutStatus"] = Kind.Text,
            ["referralCode?"] = Kind.Text, ["referredByCode?"] = Kind.Text, ["joinedAt"] = Kind.Timestamp,
            ["slackUserId?"] = Kind.Text, ["discordUserId?"] = Kind.Text,
        },
        ["chat.visited"] = new() { ["creatorId"] = Kind.Text, ["visitorId"] = Kind.Text, ["at"] = Kind.Timestamp },
        ["checkout.started"] = new()
        {
            ["checkoutId"] = Kind.Text, ["creatorId"] = Kind.Text, ["lane"] = Kind.Text, ["offerId?"] = Kind.Text, ["at"] = Kind.Timestamp,
        },
        ["thread.created"] = new()
        {
            ["threadId"] = Kind.Text, ["creatorId"] = Kind.Text, ["fanId"] = Kind.Text, ["checkoutId?"] = Kind.Text, ["lane"] = Kind.Text,
            ["offerId?"] = Kind.Text, ["amountMinor"] = Kind.Integer, ["currency"] = Kind.Text,
            ["createdAt"] = Kind.Timestamp, ["deadlineAt"] = Kind.Timestamp,
        },
        ["thread.replied"] = new() { ["threadId"] = Kind.Text, ["messageId"] = Kind.Text, ["at"] = Kind.Timestamp },
        ["thread.refunded"] = new()
        {
            ["threadId"] = Kind.Text, ["refundId"] = Kind.Text, ["amountMinor"] = Kind.Integer, ["currency"] = Kind.Text,
            ["reason"] = Kind.Text, ["automatic"] = Kind.Bool, ["at"] = Kind.Timestamp,
        },
        ["message.flagged"] = new()
        {
            ["threadId"] = Kind.Text, ["messageId"] = Kind.Text, ["reason"] = Kind.Text, ["note?"] = Kind.Text, ["at"] = Kind.Timestamp,
        },
        ["refund.review_requested"] = new() { ["threadId"] = Kind.Text, ["reason"] = Kind.Text, ["note?"] = Kind.Text, ["at"] = Kind.Timestamp },
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex UtcTimestamp();

    [Fact]
    public async Task EveryLine_HasTheEnvelope_WithUniqueIds()
    {
        var history = await DemoHistory.Default.Value;

        Assert.All(history.Events, e =>
        {
            Assert.Equal(["id", "type", "occurredAt", "data"], e.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("evt_", e.GetProperty("id").GetString());
            Assert.Contains(e.GetProperty("type").GetString()!, Fields.Keys);
            Assert.Matches(UtcTimestamp(), e.GetProperty("occurredAt").GetString()!);
            Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind);
        });
        Assert.Equal(history.Events.Count, history.Events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task EveryEvent_HasExactlyTheFieldsOfItsType_WithTheRightJsonTypes()
    {
        var history = await DemoHistory.Default.Value;

        Assert.All(history.Events, e =>
        {
            var spec = Fields[e.GetProperty("type").GetString()!];
            var data = e.GetProperty("data");
            foreach (var (key, kind) in spec)
            {
                var name = key.TrimEnd('?');
                if (!data.TryGetProperty(name, out var value))
                {
                    Assert.True(key.EndsWith('?'), $"{e.GetProperty("id")}: required '{name}' missing");
                    continue;
                }
                AssertKind(kind, value, $"{e.GetProperty("id")}.{name}");
            }
            var known = spec.Keys.Select(k => k.TrimEnd('?')).ToHashSet();
            Assert.All(data.EnumerateObject(), p => Assert.Contains(p.Name, known));
        });
    }

    [Fact]
    public async Task EveryType_AppearsInTheDefaultHistory_AndTheSummaryCountsThem()
    {
        var history = await DemoHistory.Default.Value;

        foreach (var type in Fields.Keys)
        {
            Assert.NotEmpty(history.Data(type));
            Assert.Equal(history.Data(type).Count, history.Summary.CountsByType[type]);
        }
        Assert.Equal(history.Events.Count, history.Summary.Total);
    }

    [Fact]
    public async Task Values_StayInTheirDomains()
    {
        var history = await DemoHistory.Default.Value;

        Assert.All(history.Data("creator.upserted"), c =>
        {
            Assert.Contains(DemoHistory.Text(c, "checkoutStatus"), new[] { "active", "maintenance", "banned" });
            Assert.InRange(c.GetProperty("standardPriceMinor").GetInt64(), 900, 9900);
            Assert.InRange(c.GetProperty("fastLaneFactor").GetDecimal(), 1.25m, 2.0m);
            if (DemoHistory.Optional(c, "timeZone") is { } zone) Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), zone);
            if (DemoHistory.Optional(c, "locale") is { } locale) Assert.Contains(locale, new[] { "en", "de" });
            if (DemoHistory.Optional(c, "email") is { } email) Assert.Matches(@"^[a-z.0-9]+@example\.(com|org|net)$", email);
        });
        Assert.All(history.Data("checkout.started"), c => Assert.Contains(DemoHistory.Text(c, "lane"), new[] { "standard", "fast" }));
        Assert.All(history.Data("thread.created"), t =>
        {
            Assert.Contains(DemoHistory.Text(t, "lane"), new[] { "standard", "fast" });
            Assert.True(t.GetProperty("amountMinor").GetInt64() > 0);
        });
        Assert.All(history.Data("thread.refunded"), r =>
        {
            Assert.Contains(DemoHistory.Text(r, "reason"), new[] { "sla_miss", "poor_answer", "other" });
            Assert.True(r.GetProperty("amountMinor").GetInt64() > 0);
        });
    }

    [Fact]
    public async Task Currency_IsTheDeploymentsOnEveryAmount()
    {
        var history = await DemoHistory.GenerateAsync(DemoHistory.Options(creators: 12, days: 20, currency: "CHF"));

        var currencies = history.Data("creator.upserted").Concat(history.Data("thread.created")).Concat(history.Data("thread.refunded"))
            .Select(d => DemoHistory.Text(d, "currency")).Distinct();
        Assert.Equal(["CHF"], currencies);
    }

    private static void AssertKind(Kind kind, JsonElement value, string where)
    {
        switch (kind)
        {
            case Kind.Text:
                Assert.True(value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0, $"{where} should be a non-empty string");
                break;
            case Kind.Integer:
                Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), $"{where} should be an integer");
                break;
            case Kind.Decimal:
                Assert.True(value.ValueKind == JsonValueKind.Number, $"{where} should be a number");
                break;
            case Kind.Bool:
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{where} should be a boolean");
                break;
            case Kind.Timestamp:
                Assert.True(value.ValueKind == JsonValueKind.String && UtcTimestamp().IsMatch(value.GetString()!), $"{where} should be an ISO-8601 UTC time with Z");
                break;
        }
    }
}
