using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Tests.Fixtures;

/// <summary>A real SQLite file in its own temp folder, migrated like production. Deleted on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("opsbot-test-").FullName;
    public string Path => System.IO.Path.Combine(Folder, "opsbot.db");
    public string ConnectionString => $"Data Source={Path};Default Timeout=60";

    /// <param name="migrate">false leaves no file at all, as on a fresh machine.</param>
    public TestDatabase(bool migrate = true)
    {
        if (!migrate) return;
        using var db = NewContext();
        DataServices.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }

    public OpsDbContext NewContext() =>
        new SqliteOpsDbContext(new DbContextOptionsBuilder<SqliteOpsDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* a leaked handle must not fail the test */ }
    }
}
