using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The real host with /sample and sample.ack registered, and the playground API as a tester calls it.</summary>
public sealed class PlaygroundClient(TestHost host)
{
    public const string AsApprover = "mara", AsOps = "jonas", AsCreator = "creator";

    public TestHost Host => host;

    public static async Task<PlaygroundClient> StartAsync(TestDatabase? database = null, IDictionary<string, string?>? settings = null) =>
        new(await TestHost.StartAsync(settings, database: database, services: s => s.AddChatCommand<SampleCommand>().AddChatAction<SampleAction>()));

    public static string Api(string path) => "/playground/api" + path;

    public Task<HttpResponseMessage> RunAsync(string channel, string identity, string text) =>
        host.Http.PostAsJsonAsync(Api($"/channels/{Uri.EscapeDataString(channel)}/commands?as={identity}"), new { text });

    public Task<HttpResponseMessage> PressAsync(long messageId, string identity, string actionId) =>
        host.Http.PostAsJsonAsync(Api($"/messages/{messageId}/actions?as={identity}"), new { actionId });

    public async Task<JsonElement> RunOkAsync(string channel, string identity, string text) => await OkJsonAsync(await RunAsync(channel, identity, text));

    public async Task<JsonElement[]> MessagesAsync(string channel, string identity) =>
        [.. (await OkJsonAsync(await host.Http.GetAsync(Api($"/channels/{Uri.EscapeDataString(channel)}/messages?as={identity}")))).EnumerateArray()];

    public async Task<int> StoredAsync()
    {
        await using var db = host.Database.NewContext();
        return await db.PlaygroundMessages.CountAsync();
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The block types of a message view, in order.</summary>
    public static string[] BlockTypes(JsonElement view) =>
        [.. view.GetProperty("message").GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()!)];

    /// <summary>All the message's text, spans joined: enough to assert what it says.</summary>
    public static string Text(JsonElement view) =>
        string.Join(" ", view.GetProperty("message").GetProperty("blocks").EnumerateArray().Select(BlockText));

    private static string BlockText(JsonElement block) => block.GetProperty("type").GetString() switch
    {
        "header" => block.GetProperty("text").GetString()!,
        "text" or "context" => string.Concat(block.GetProperty("text").GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("text").GetString())),
        _ => "",
    };
}
