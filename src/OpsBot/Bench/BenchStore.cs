using Microsoft.Extensions.Hosting;
using OpsBot.Cli;
using OpsBot.Data;

namespace OpsBot.Bench;

/// <summary>OpsBot's own services (as the CLI builds them) pointed at a bench file instead of the configured store.</summary>
internal static class BenchStore
{
    public static IHost BuildServices(CliContext cli, string databasePath, Action<IServiceCollection>? services = null) =>
        cli.BuildServices(
            config => config.AddInMemoryCollection([
                new($"ConnectionStrings:{DataServices.ConnectionName}", BenchDataBuilder.ConnectionStringFor(databasePath)),
                new($"{DatabaseOptions.Section}:Provider", nameof(DatabaseProvider.Sqlite)),
            ]),
            services);
}
