using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using OpsBot.Cli;
using OpsBot.Data;

namespace OpsBot.Bench;

/// <summary>
/// OpsBot's own services pointed at the bench file, with a SQL recorder on the DbContext, plus one
/// bare ADO connection to the same file.
/// </summary>
public sealed class BenchSession : IAsyncDisposable
{
    private readonly IHost host;
    private readonly SqlCapture capture = new();
    private readonly SqliteConnection bareConnection;

    public BenchSession(CliContext cli, string databasePath)
    {
        host = BenchStore.BuildServices(cli, databasePath,
            services => services.ConfigureDbContext<SqliteOpsDbContext>(o => o.AddInterceptors(capture)));
        bareConnection = new SqliteConnection(BenchDataBuilder.ConnectionStringFor(databasePath));
        bareConnection.Open();
    }

    public string SqliteVersion => bareConnection.ServerVersion;

    /// <summary>Times the query through EF, records the SQL it sent, then times that SQL bare.</summary>
    public async Task<BenchFigure> MeasureAsync(BenchQuery query, int runs, CancellationToken ct)
    {
        async Task RunInScope()
        {
            await using var scope = host.Services.CreateAsyncScope();
            await query.Run(scope.ServiceProvider, ct);
        }
        var commands = await capture.Record(RunInScope);
        var ef = await Timing.MeasureAsync(RunInScope, runs);
        var bareSql = new BareSql(bareConnection);
        var bare = await Timing.MeasureAsync(() => { bareSql.Run(commands); return Task.CompletedTask; }, runs);
        var note = query.Note is null ? $"{commands.Count} SQL command(s)" : $"{query.Note}; {commands.Count} SQL command(s)";
        return BenchFigure.Query(query.Name, query.TargetMs, ef, bare, note) with { Slowest = bareSql.Slowest(commands) };
    }

    public async ValueTask DisposeAsync()
    {
        await bareConnection.DisposeAsync();
        host.Dispose();
    }
}
