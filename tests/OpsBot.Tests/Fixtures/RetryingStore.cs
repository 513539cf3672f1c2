using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Data;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// Production's SQL Server store retries transient failures (<c>EnableRetryOnFailure</c>), and EF Core then refuses a
/// transaction the code began outside the execution strategy. SQLite has no retrying strategy, so without this the
/// tests never meet that rule; with it, the embedded store enforces it exactly as SQL Server does.
/// </summary>
public static class RetryingStore
{
    /// <summary>A services hook for <see cref="TestHost.StartAsync"/> or <see cref="ChatSlice"/>.</summary>
    public static void Use(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteOpsDbContext>(o => o.UseSqlite(s => s.ExecutionStrategy(d => new RetryingForTests(d))));

    /// <summary>Claims to retry, like SQL Server's strategy, but never does: no SQLite error is transient here.</summary>
    private sealed class RetryingForTests(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, DefaultMaxRetryCount, DefaultMaxDelay)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}
