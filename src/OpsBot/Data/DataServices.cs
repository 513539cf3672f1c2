using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpsBot.Data;

public static class DataServices
{
    public const string ConnectionName = "OpsBot";
    public const string DefaultSqliteConnection = "Data Source=data/opsbot.db";

    /// <summary>Registers <see cref="OpsDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddOpsStore(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = config.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString(ConnectionName);
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionName} is not set.");
            services.AddDbContext<OpsDbContext, SqlServerOpsDbContext>(o => o.UseSqlServer(connection, s => s.EnableRetryOnFailure()));
        }
        else
        {
            var sqlite = SqliteConnectionFor(connection, contentRoot);
            services.AddDbContext<OpsDbContext, SqliteOpsDbContext>(o => o.UseSqlite(sqlite));
        }
        services.AddSingleton(new StoreInfo(provider));
        return services;
    }

    /// <summary>
    /// A relative SQLite path is resolved against the content root, so the host and the CLI find the
    /// same file from any working directory. The busy timeout lets two processes share one file.
    /// </summary>
    public static string SqliteConnectionFor(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqliteConnection : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 60;
        return builder.ToString();
    }

    /// <summary>Brings the schema up to date. SQLite also switches to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(OpsDbContext db, CancellationToken ct)
    {
        // Only creating the store makes its folder: a read that finds no store must leave no trace.
        if (db.Database.IsSqlite() && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is var file and not ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>Which provider this process talks to (demo seeding only ever touches SQLite).</summary>
public sealed record StoreInfo(DatabaseProvider Provider);
