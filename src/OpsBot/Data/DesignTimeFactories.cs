using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpsBot.Data;

/// <summary>Used by <c>dotnet ef</c> only: each provider context gets its own migration set.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpsDbContext>
{
    public SqliteOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOpsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOpsDbContext>
{
    public SqlServerOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOpsDbContext>().UseSqlServer().Options);
}
