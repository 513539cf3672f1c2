using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// A fake Slack on 127.0.0.1 that speaks the Web API's wire format (chat-protocols.md A4): HTTP 200 with
/// <c>ok</c> true/false, 429 with Retry-After, the three-step file upload, views.open, and response_url endpoints.
/// Posted messages are kept per channel (<see cref="Channels"/>) and read back by conversations.history.
/// Every call is recorded; the next answer of a method can be scripted, also as a failure after the post went in.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> scripted = new();
    private int files, views;

    public ConcurrentQueue<SlackCall> Calls { get; } = new();
    public FakeSlackChannels Channels { get; } = new();
    public Uri BaseAddress { get; }

    /// <summary>Configure <c>Slack:ApiBaseUrl</c> with this.</summary>
    public Uri ApiBaseUrl => new(BaseAddress, "api/");

    /// <summary>A response_url for one interaction (Slack gives each its own).</summary>
    public Uri ResponseUrl(string id) => new(BaseAddress, $"response/{id}");

    /// <summary>Users known to users.lookupByEmail: email → user id.</summary>
    public ConcurrentDictionary<string, string> UsersByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members of user groups for usergroups.users.list: group id → user ids.</summary>
    public ConcurrentDictionary<string, string[]> UserGroups { get; } = new();

    private FakeSlack(WebApplication app)
    {
        this.app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSlack? fake = null;
        app.Map("/api/{method}", (string method, HttpRequest request) => fake!.ApiAsync(method, request));
        app.MapPost("/upload/{id}", async (string id, HttpRequest request) => { await fake!.RecordAsync($"upload/{id}", request); return Results.Ok(); });
        app.MapPost("/response/{id}", async (string id, HttpRequest request) => { await fake!.RecordAsync($"response/{id}", request); return Results.Ok(); });
        await app.StartAsync();
        fake = new FakeSlack(app);
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Script(string method, FakeAnswer answer) => scripted.GetOrAdd(method, _ => new()).Enqueue(answer);

    public void FailNext(string method, string error) => Script(method, new FakeAnswer(200, new JsonObject { ["ok"] = false, ["error"] = error }));

    public void RateLimitNext(string method, int retryAfterSeconds) =>
        Script(method, new FakeAnswer(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds));

    public void ServerErrorNext(string method) => Script(method, new FakeAnswer(500, null));

    /// <summary>The next post goes into the channel, and Slack answers it with a 500 all the same.</summary>
    public void PostThenServerErrorNext() => Script("chat.postMessage", new FakeAnswer(500, null, AfterActing: true));

    /// <summary>The next post goes into the channel, and the connection drops before Slack answers.</summary>
    public void PostThenDropConnectionNext() => Script("chat.postMessage", new FakeAnswer(FakeAnswer.NoAnswer, null, AfterActing: true));

    public IReadOnlyList<SlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Every Web API answer, in order, next to <see cref="Calls"/>.</summary>
    public ConcurrentQueue<FakeAnswered> Answered { get; } = new();

    /// <summary>The ok answers to <paramref name="method"/> (a post scripted to fail after posting is in <see cref="Channels"/> only).</summary>
    public IReadOnlyList<JsonObject> Succeeded(string method) =>
        [.. Answered.Where(a => a.Method == method && a.Status == 200 && a.Body?["ok"]?.GetValue<bool>() == true).Select(a => a.Body!)];

    private async Task<IResult> ApiAsync(string method, HttpRequest request)
    {
        var call = await RecordAsync(method, request);
        if (scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var answer))
        {
            if (answer.AfterActing) DefaultAnswer(method, call);
            Answered.Enqueue(new FakeAnswered(method, answer.Status, answer.Body));
            if (answer.Status == FakeAnswer.NoAnswer)
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }
            if (answer.RetryAfterSeconds is { } retry) request.HttpContext.Response.Headers.RetryAfter = retry.ToString();
            return answer.Body is null ? Results.StatusCode(answer.Status) : Results.Json(answer.Body, statusCode: answer.Status);
        }
        var body = call.Headers.GetValueOrDefault("Authorization")?.StartsWith("Bearer xoxb-") != true
            ? new JsonObject { ["ok"] = false, ["error"] = "not_authed" }
            : DefaultAnswer(method, call);
        Answered.Enqueue(new FakeAnswered(method, 200, body));
        return Results.Json(body);
    }

    private JsonObject DefaultAnswer(string method, SlackCall call) => method switch
    {
        "auth.test" => new() { ["ok"] = true, ["user_id"] = "UBOT", ["bot_id"] = "BBOT", ["team_id"] = "T1", ["team"] = "Ops", ["url"] = "https://ops.slack.com/" },
        "chat.postMessage" => Channels.Post(call),
        "conversations.history" => Channels.History(call),
        "chat.update" => new() { ["ok"] = true, ["channel"] = call.Arg("channel"), ["ts"] = call.Arg("ts") },
        "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = Channels.NextTs() },
        "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + call.Arg("users") } },
        "users.lookupByEmail" => UsersByEmail.TryGetValue(call.Arg("email") ?? "", out var user)
            ? new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = user } }
            : new() { ["ok"] = false, ["error"] = "users_not_found" },
        "usergroups.users.list" => UserGroups.TryGetValue(call.Arg("usergroup") ?? "", out var members)
            ? new() { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]) }
            : new() { ["ok"] = false, ["error"] = "no_such_subteam" },
        "files.getUploadURLExternal" => NewUpload(),
        "files.completeUploadExternal" => new() { ["ok"] = true, ["files"] = new JsonArray() },
        // A modal needs the trigger of a press and a view; Slack answers with the view as opened.
        "views.open" => call.Arg("trigger_id") is not { Length: > 0 } ? new() { ["ok"] = false, ["error"] = "invalid_trigger_id" }
            : ObjectOrNull(call.Arg("view")) is { } view ? new() { ["ok"] = true, ["view"] = WithId(view) }
            : new() { ["ok"] = false, ["error"] = "invalid_arguments" },
        _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
    };

    private JsonObject NewUpload()
    {
        var id = $"F{Interlocked.Increment(ref files):D4}";
        return new() { ["ok"] = true, ["file_id"] = id, ["upload_url"] = new Uri(BaseAddress, $"upload/{id}").ToString() };
    }

    private static JsonObject? ObjectOrNull(string? json)
    {
        try
        {
            return JsonNode.Parse(json ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private JsonObject WithId(JsonObject view)
    {
        view["id"] = $"V{Interlocked.Increment(ref views):D4}";
        return view;
    }

    private async Task<SlackCall> RecordAsync(string method, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var call = new SlackCall(method, request.ContentType, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), body.ToArray());
        Calls.Enqueue(call);
        return call;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <param name="Status">The HTTP status, or <see cref="NoAnswer"/>: the connection is dropped once the request is in.</param>
/// <param name="RetryAfterSeconds">Sent as the Retry-After header (429).</param>
/// <param name="AfterActing">The method does its work first (a post goes into the channel), then gets this answer.</param>
public sealed record FakeAnswer(int Status, JsonObject? Body, int? RetryAfterSeconds = null, bool AfterActing = false)
{
    public const int NoAnswer = 0;
}

/// <summary>What the fake answered to one Web API call (<paramref name="Body"/> null for a bare status).</summary>
public sealed record FakeAnswered(string Method, int Status, JsonObject? Body);

/// <summary>One request the fake received, with helpers to read its arguments whatever the encoding.</summary>
public sealed record SlackCall(string Method, string? ContentType, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Query, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public JsonNode? Json => ContentType?.StartsWith("application/json") == true ? JsonNode.Parse(Text) : null;

    /// <summary>An argument from a JSON body, a form body or the query string.</summary>
    public string? Arg(string name)
    {
        if (Json is JsonObject o) return o[name] is JsonValue v ? v.ToString() : o[name]?.ToJsonString();
        if (ContentType?.StartsWith("application/x-www-form-urlencoded") == true)
        {
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Text);
            if (form.TryGetValue(name, out var value)) return value.ToString();
        }
        return Query.GetValueOrDefault(name);
    }
}
