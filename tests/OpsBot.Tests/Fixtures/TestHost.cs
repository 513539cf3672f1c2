using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Schedules;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// The real OpsBot host on Kestrel at 127.0.0.1 with a free port, a real SQLite file and a fake clock.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication app;
    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>Where the clock starts unless a test says otherwise: Friday 2026-11-20 09:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private TestHost(WebApplication app, TestDatabase database, FakeTimeProvider clock)
    {
        this.app = app;
        Database = database;
        Clock = clock;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <param name="settings">Configuration on top of appsettings.json (for example Platform:WebhookSecret).</param>
    /// <param name="database">Share one database between hosts; otherwise each host gets its own.</param>
    /// <param name="pulse">
    /// Keep Coravel's 30-second pulse. Off by default: tests drive <see cref="JobRunner"/> themselves, and a pulse on the
    /// wall clock landing between a test's clock advance and its own tick would take the occurrence from the test.
    /// </param>
    public static async Task<TestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null,
        TestDatabase? database = null,
        Action<IServiceCollection>? services = null,
        bool pulse = false)
    {
        database ??= new TestDatabase();
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var config = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:OpsBot"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests bring their own data; DemoSeedingTests turns this back on.
            ["Demo:SeedOnStart"] = "false",
            // No test may reach the real Slack: a closed local port unless a test points it at FakeSlack.
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var app = OpsBotHost.Build([], c => c.AddInMemoryCollection(config), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            if (!pulse) s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ScheduleStartup)));
            services?.Invoke(s);
        });
        await app.StartAsync();
        return new TestHost(app, database, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
