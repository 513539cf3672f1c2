using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Chat;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// The host's services exactly as <see cref="OpsBotHost.Build"/> registers them (not started: no Kestrel,
/// no seeding) over a given SQLite file, with a fake clock: commands and buttons run through the real
/// <see cref="ChatDispatcher"/>, each in its own scope like a request.
/// </summary>
public sealed class ChatSlice : IAsyncDisposable
{
    public static readonly ChatActor Actor = new("playground", "u_ops", "Olga Ops");
    private readonly WebApplication app;

    public ChatSlice(string connectionString, DateTimeOffset now, string culture = "en", Action<IServiceCollection>? services = null)
    {
        Culture = CultureInfo.GetCultureInfo(culture);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpsBot"] = connectionString,
            ["OpsBot:Culture"] = culture,
            ["Logging:LogLevel:Default"] = "None",
            ["Demo:SeedOnStart"] = "false",
        };
        app = OpsBotHost.Build([], c => c.AddInMemoryCollection(config), s =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
            services?.Invoke(s);
        });
    }

    public CultureInfo Culture { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="command">As typed, e.g. <c>/radar 6 @anna</c>.</param>
    public async Task<ChatReply> RunAsync(string command)
    {
        var space = command.IndexOf(' ');
        var (name, text) = space < 0 ? (command, "") : (command[..space], command[(space + 1)..]);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDispatcher>()
            .RunCommandAsync(new ChatInvocation(name, Actor, "ops-daily", text), CancellationToken.None);
    }

    public async Task<ActionResult> PressAsync(string actionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDispatcher>()
            .RunActionAsync(actionId, Actor, "ops-daily", "m1", CancellationToken.None);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>The dispatcher's "something went wrong" reply, which is what a missing resource key turns into.</summary>
    public string FailureStart => ChatText.Resources.GetString("Error.Failed", Culture)![..10];

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
