using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpsBot.Chat;
using OpsBot.Digest;
using OpsBot.Tests.Metrics;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>
/// A known history in a real SQLite file (built with <see cref="MetricsFixture"/>), read through the host's
/// own registrations (AddOpsCore, AddChat, AddDigest) in the culture a test asks for, with the fixture's fake clock.
/// </summary>
public sealed class DigestFixture : IDisposable
{
    private readonly List<IHost> hosts = [];
    private readonly List<IServiceScope> scopes = [];

    public MetricsFixture Store { get; } = new();

    public async Task<T> GetAsync<T>(string culture = "en", IDictionary<string, string?>? settings = null) where T : notnull
    {
        await Store.SaveAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?> { ["ConnectionStrings:OpsBot"] = Store.ConnectionString, ["OpsBot:Culture"] = culture };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddOpsCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddChat();
        builder.Services.AddDigest();
        builder.Services.AddSingleton<TimeProvider>(Store.Clock);
        var host = builder.Build();
        hosts.Add(host);
        var scope = host.Services.CreateScope();
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public Task<DigestMessages> MessagesAsync(string culture = "en", IDictionary<string, string?>? settings = null) => GetAsync<DigestMessages>(culture, settings);

    public void Dispose()
    {
        foreach (var scope in scopes) scope.Dispose();
        foreach (var host in hosts) host.Dispose();
        Store.Dispose();
    }
}


