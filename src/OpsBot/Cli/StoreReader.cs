using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Cli;

/// <summary>
/// Runs a read-only command (radar, creator, digest) against the store the host uses. It never creates
/// or migrates one: opening a missing SQLite file would silently create an empty store next to the
/// binary and answer "nothing open", which reads like good news. Reads need no migration step.
/// </summary>
internal static class StoreReader
{
    public static async Task<int> RunAsync(CliContext cli, Func<IServiceProvider, Task<int>> read, CancellationToken ct)
    {
        using var host = cli.BuildServices();
        await using var scope = host.Services.CreateAsyncScope();
        if (await ProblemAsync(scope.ServiceProvider.GetRequiredService<OpsDbContext>(), ct) is { } problem)
        {
            cli.Error.WriteLine(problem);
            return CliApp.Failed;
        }
        return await read(scope.ServiceProvider);
    }

    /// <summary>
    /// Why the SQLite store cannot be read, or null. A SQL Server store is deployed and migrated on
    /// purpose (<c>opsbot migrate</c>); a missing schema there fails the query with the server's message.
    /// </summary>
    internal static async Task<string?> ProblemAsync(OpsDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(path))
            return $"No ops store at {path}: start the host once (it creates and migrates it) or run `opsbot migrate` / `opsbot import`.";
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            return $"The ops store at {path} is not up to date: run `opsbot migrate` (or start the host once).";
        return null;
    }
}
