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
/// A fake platform API on 127.0.0.1 (docs/platform-actions.md): records every POST under <c>/v1/</c> with its headers
/// and JSON body, and answers 201 with an id unless the next answer was scripted (a status, a Retry-After, a delay).
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string Token = "platform-test-token";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakePlatformAnswer> scripted = new();
    private int ids;

    public ConcurrentQueue<PlatformCall> Calls { get; } = new();

    /// <summary>The paths of GET requests: none, unless OpsBot followed a redirect.</summary>
    public ConcurrentQueue<string> Gets { get; } = new();
    public Uri BaseAddress { get; }

    private FakePlatform(WebApplication app)
    {
        this.app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>The settings that point OpsBot at this fake in Http mode.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Platform:Mode"] = "Http",
        ["Platform:ApiBaseUrl"] = BaseAddress.ToString(),
        ["Platform:ApiToken"] = Token,
    };

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakePlatform? fake = null;
        app.MapPost("/v1/{**path}", (string path, HttpContext context) => fake!.AnswerAsync("v1/" + path, context));
        app.MapGet("/v1/{**path}", (string path) =>
        {
            fake!.Gets.Enqueue("v1/" + path);
            return Results.Json(new JsonObject { ["id"] = "pf_listing" });
        });
        await app.StartAsync();
        fake = new FakePlatform(app);
        return fake;
    }

    /// <summary>The next call gets this answer instead of 201.</summary>
    public void Script(FakePlatformAnswer answer) => scripted.Enqueue(answer);

    public void Script(int status, int times = 1, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < times; i++) Script(new FakePlatformAnswer(status, RetryAfterSeconds: retryAfterSeconds));
    }

    private async Task<IResult> AnswerAsync(string path, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var call = new PlatformCall(path, context.Request.Headers.Authorization.ToString(), context.Request.Headers["Idempotency-Key"].ToString(), (JsonObject)body!);
        Calls.Enqueue(call);
        var answer = scripted.TryDequeue(out var next) ? next : new FakePlatformAnswer(201);
        if (answer.Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
        if (answer.RedirectTo is { } target) return Results.Redirect("/" + target);
        if (answer.RetryAfterSeconds is { } retry) context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return answer.Status is >= 200 and < 300
            ? Results.Json(new JsonObject { ["id"] = $"pf_{Interlocked.Increment(ref ids)}", ["status"] = "done" }, statusCode: answer.Status)
            : Results.Json(new JsonObject { ["error"] = answer.Error ?? $"http_{answer.Status}", ["message"] = "scripted failure" }, statusCode: answer.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <param name="Delay">How long the fake takes before answering (a slow platform; a host stopped meanwhile).</param>
/// <param name="RedirectTo">A path to answer 302 to instead (a moved or misconfigured API).</param>
public sealed record FakePlatformAnswer(int Status, int? RetryAfterSeconds = null, TimeSpan? Delay = null, string? Error = null, string? RedirectTo = null);

/// <summary>One request the fake platform received.</summary>
public sealed record PlatformCall(string Path, string Authorization, string IdempotencyKey, JsonObject Body);
