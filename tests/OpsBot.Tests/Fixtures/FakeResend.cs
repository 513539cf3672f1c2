using System.Collections.Concurrent;
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
/// A fake Resend on 127.0.0.1: <c>POST /emails</c> with a Bearer key, answering <c>{"id"}</c>, or errors as
/// <c>{statusCode, name, message}</c> (429 with Retry-After). Like Resend, a request whose Idempotency-Key was already
/// sent gets the first email's id and sends nothing again. Every request is recorded.
/// </summary>
public sealed class FakeResend : IAsyncDisposable
{
    public const string ApiKey = "re_fake_secret_123";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<JsonObject, string?, IResult?>> scripted = new();
    private readonly ConcurrentDictionary<string, string> sentByKey = new();

    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, JsonObject Body)> Requests { get; } = new();

    /// <summary>The emails that really went out.</summary>
    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    public Uri BaseUrl { get; }

    private FakeResend(WebApplication app)
    {
        this.app = app;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static async Task<FakeResend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeResend? fake = null;
        app.MapPost("/emails", async (HttpRequest request) => fake!.Receive(request, (JsonObject)(await JsonNode.ParseAsync(request.Body))!));
        await app.StartAsync();
        fake = new FakeResend(app);
        return fake;
    }

    /// <summary>The next request is refused with 429 and sends nothing.</summary>
    public void RateLimitNext() => scripted.Enqueue((_, _) => Error(429, "rate_limit_exceeded", "Too many requests.", retryAfter: "1"));

    /// <summary>The next request sends the email, then answers 500 (the answer lost, the email out).</summary>
    public void FailAfterSendingNext() => scripted.Enqueue((body, key) =>
    {
        Send(body, key);
        return Error(500, "internal_server_error", "Something went wrong.");
    });

    private IResult Receive(HttpRequest request, JsonObject body)
    {
        // Copied: the request's own headers are recycled once it is answered.
        Requests.Enqueue((request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        if (request.Headers.Authorization != $"Bearer {ApiKey}") return Error(401, "missing_api_key", "Missing API key.");
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null && sentByKey.TryGetValue(key, out var id)) return Results.Json(new JsonObject { ["id"] = id });
        if (scripted.TryDequeue(out var answer) && answer(body, key) is { } scriptedResult) return scriptedResult;
        return Results.Json(new JsonObject { ["id"] = Send(body, key) });
    }

    private string Send(JsonObject body, string? key)
    {
        var id = Guid.NewGuid().ToString();
        if (key is not null) sentByKey[key] = id;
        Sent.Enqueue(body);
        return id;
    }

    private static IResult Error(int status, string name, string message, string? retryAfter = null) => new ErrorResult(status,
        new JsonObject { ["statusCode"] = status, ["name"] = name, ["message"] = message }, retryAfter);

    private sealed class ErrorResult(int status, JsonObject body, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            return Results.Json(body, statusCode: status).ExecuteAsync(context);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
