using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Platform;

/// <summary>docs/platform-events.md is the platform team's contract: its examples must pass OpsBot's own checks.</summary>
public sealed partial class PlatformEventsDocTests
{
    private static readonly string Doc = File.ReadAllText(FindDoc());

    private static IEnumerable<string> JsonExamples() => JsonBlock().Matches(Doc).Select(m => m.Groups["json"].Value);

    private static List<string> EventExamples() =>
        [.. JsonExamples().Where(json => JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("type", out _))];

    [Fact]
    public void Doc_EveryJsonExample_IsValidJson()
    {
        var examples = JsonExamples().ToList();

        Assert.True(examples.Count >= 10, $"only {examples.Count} JSON examples found");
        Assert.All(examples, json => JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }).Dispose());
    }

    [Fact]
    public void Doc_EveryEventExample_PassesValidation()
    {
        foreach (var json in EventExamples())
        {
            var parsed = FeedSamples.Parser.ParseOne(json);
            Assert.True(parsed.Ok, $"{json}\n→ {string.Join("; ", parsed.Errors)}");
        }
    }

    [Fact]
    public void Doc_HasAnExampleOfEveryEventType()
    {
        var documented = EventExamples().Select(json => FeedSamples.Parser.ParseOne(json).Events.Single().Type).ToHashSet();

        Assert.Equal(EventParser.Types.Order(), documented.Order());
    }

    [Fact]
    public async Task Doc_EventExamplesCreatorFirst_ApplyAsOneBatch()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        // The envelope example (a chat visit) comes before the creator in the text; the feed needs the creator first.
        var events = EventExamples().Select(json => FeedSamples.Parser.ParseOne(json).Events.Single())
            .OrderBy(e => e.Data is CreatorUpserted ? 0 : 1).ToList();

        var result = await new EventFeed(db, TimeProvider.System, NullLogger<EventFeed>.Instance).ApplyAsync(events, CancellationToken.None);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(events.Select(e => e.Id).Distinct().Count(), result.Applied);
    }

    [Fact]
    public void Doc_WorkedSignatureExample_MatchesOpsBotsSignature()
    {
        var body = Regex.Match(Doc, "BODY='(?<v>[^']+)'").Groups["v"].Value;
        var example = Regex.Match(Doc, "secret `(?<secret>[^`]+)`, timestamp `(?<ts>\\d+)`");
        var header = Regex.Match(Doc, "X-OpsBot-Signature: (?<v>v1=[0-9a-f]{64})").Groups["v"].Value;

        Assert.NotEqual("", body);
        Assert.Equal(header, WebhookSignature.Sign(example.Groups["secret"].Value, example.Groups["ts"].Value, Encoding.UTF8.GetBytes(body)));
        Assert.True(FeedSamples.Parser.ParseArray(Encoding.UTF8.GetBytes(body)).Ok);
    }

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "platform-events.md");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("docs/platform-events.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
