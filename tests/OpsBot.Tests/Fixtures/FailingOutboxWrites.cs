using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Data;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// A store that refuses to add to the outbox while <see cref="Armed"/>: the moment between recording an outcome and
/// enqueueing what it must say, which a crash or a lost connection can hit in production.
/// </summary>
public sealed class FailingOutboxWrites : DbCommandInterceptor
{
    public bool Armed { get; set; }

    /// <summary>A services hook for <see cref="ChatSlice"/> or <see cref="TestHost.StartAsync"/>.</summary>
    public void Use(IServiceCollection services) => services.ConfigureDbContext<SqliteOpsDbContext>(o => o.AddInterceptors(this));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Armed && command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal))
            throw new InvalidOperationException("The store went away (test).");
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
