using Microsoft.EntityFrameworkCore;
namespace OpsBot.Data;

/// <summary>
/// Runs before the server listens: SQLite migrates itself (it is the embedded default); SQL Server is
/// only ever migrated by <c>opsbot migrate</c>, a deliberate step in a deployment.
/// </summary>
internal sealed class StoreStartup(IServiceScopeFactory scopes, StoreInfo store, ILogger<StoreStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (store.Provider != DatabaseProvider.Sqlite) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        await DataServices.MigrateAsync(db, ct);
        log.LogInformation("SQLite store at {DataSource} is up to date", db.Database.GetDbConnection().DataSource);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
