using System.IO.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Platform.Demo;

/// <summary>
/// Fills an empty embedded store with demo history at start, so a newcomer's first run shows a living
/// radar. It goes through the importer, so demo data passes the same validation as the platform's.
/// Runs after <see cref="StoreStartup"/> (hosted services start in registration order).
/// </summary>
internal sealed class DemoSeeding(
    IServiceScopeFactory scopes, StoreInfo store, TimeProvider clock,
    IOptions<DemoSeedOptions> demo, IOptions<PlatformOptions> platform, IOptions<OpsBotOptions> ops,
    ILogger<DemoSeeding> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // Real data comes from the platform feed; demo data must never mix with it.
        if (!demo.Value.SeedOnStart || store.Provider != DatabaseProvider.Sqlite || !string.IsNullOrEmpty(platform.Value.WebhookSecret)) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        if (await db.ProcessedEvents.AnyAsync(ct) || await db.Creators.AnyAsync(ct) || await db.Threads.AnyAsync(ct)) return;

        var options = new DemoDataOptions(demo.Value.Creators, demo.Value.Days, demo.Value.Seed, clock.GetUtcNow(), ops.Value.Currency);
        // One transaction for the whole history: a seed interrupted half-way leaves an empty store, which
        // the next start seeds again, rather than half a history that would never be completed.
        // Each batch is a savepoint in it (BatchTransaction). Re-runnable: the generator starts over on every attempt.
        var importer = scope.ServiceProvider.GetRequiredService<EventImporter>();
        var summary = await db.InTransactionAsync(ct => ImportGeneratedAsync(importer, options, ct), ct);
        log.LogInformation(
            "Seeded the empty embedded store with demo data: {Applied} events ({Creators} creators, {Days} days, seed {Seed}); set Demo:SeedOnStart=false to start empty",
            summary.Applied, options.Creators, options.Days, options.Seed);
        if (summary.Rejected.Count > 0)
            log.LogWarning("Demo data had {Rejected} rejected events; first: line {Line}: {Reason}", summary.Rejected.Count, summary.Rejected[0].Line, summary.Rejected[0].Reason);
    }

    /// <summary>Generator and importer run side by side over a pipe, so memory does not grow with the history.</summary>
    private static async Task<ImportSummary> ImportGeneratedAsync(EventImporter importer, DemoDataOptions options, CancellationToken ct)
    {
        var pipe = new Pipe();
        // Not awaited yet: the generator yields whenever the pipe is full, and the importer drains it.
        var produce = ProduceAsync(pipe.Writer, options, ct);
        using var reader = new StreamReader(pipe.Reader.AsStream());
        var summary = await importer.ImportAsync(reader, null, ct);
        await produce;
        return summary;
    }

    private static async Task ProduceAsync(PipeWriter pipe, DemoDataOptions options, CancellationToken ct)
    {
        try
        {
            await using var writer = new StreamWriter(pipe.AsStream());
            await DemoDataGenerator.WriteAsync(writer, options, ct);
        }
        catch (Exception e)
        {
            await pipe.CompleteAsync(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
