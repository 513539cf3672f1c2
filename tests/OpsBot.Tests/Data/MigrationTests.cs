using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsBot.Data;

namespace OpsBot.Tests.Data;

/// <summary>No SQL Server runs here, so its migration set is checked by generating its script.</summary>
public sealed class MigrationTests
{
    private static SqlServerOpsDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerOpsDbContext>().UseSqlServer().Options);

    private static SqliteOpsDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteOpsDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Model changed without a SqlServer migration: add one.");
    }

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Model changed without a Sqlite migration: add one.");
    }

    [Fact]
    public void SqlServerScript_CreatesEveryTableAndIndex()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains($"CREATE TABLE [{entity.GetTableName()}]", script);
            foreach (var index in entity.GetIndexes())
                Assert.Contains($"[{index.GetDatabaseName()}]", script);
        }
        // Instants are bigint Unix milliseconds on SQL Server too, so the same SQL compares them.
        Assert.Contains("[DeadlineAt] bigint NOT NULL", script);
    }

    [Fact]
    public void SqlServerModel_IndexedStringsHaveALength()
    {
        // SQL Server cannot index nvarchar(max): every indexed or key string needs a max length.
        using var db = SqlServer();
        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties).Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null)
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .Distinct();
        Assert.Empty(unbounded);
    }
}
