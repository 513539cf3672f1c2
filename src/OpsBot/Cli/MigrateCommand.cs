using System.CommandLine;
using OpsBot.Data;

namespace OpsBot.Cli;

/// <summary><c>opsbot migrate</c>: brings the configured store (SQLite or SQL Server) up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply database migrations to the configured store (the only way SQL Server is migrated).");
        command.SetAction(async (_, ct) =>
        {
            using var host = cli.BuildServices();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
            await DataServices.MigrateAsync(db, ct);
            cli.Output.WriteLine($"Migrated {host.Services.GetRequiredService<StoreInfo>().Provider} store.");
            return CliApp.Ok;
        });
        return command;
    }
}
