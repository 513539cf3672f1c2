using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Data;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// The production SQL Server registration (AddOpsCore with Database:Provider=SqlServer) with no server
/// behind it: opening the connection is suppressed and every command is answered with a
/// <see cref="OneRowReader"/> and recorded. LINQ is still translated to T-SQL by the SqlServer
/// provider, which is the point: a query that does not translate throws before any command is sent.
/// </summary>
public sealed class OfflineSqlServer : IDbConnectionInterceptor, IDbCommandInterceptor, IDisposable
{
    private readonly ServiceProvider services;
    private readonly List<string> commands = [];

    public OfflineSqlServer()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.SqlServer),
            [$"ConnectionStrings:{DataServices.ConnectionName}"] = "Server=unused;Database=unused",
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddOpsCore(config, AppContext.BaseDirectory)
            // Composes with AddOpsStore's options, so production's UseSqlServer(...) stays as it is.
            .ConfigureDbContext<SqlServerOpsDbContext>(o => o.AddInterceptors(this))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The T-SQL of every command sent so far, in order.</summary>
    public IReadOnlyList<string> Commands => commands;

    /// <summary>A fresh scope, as a request or a CLI command gets.</summary>
    public IServiceScope NewScope() => services.CreateScope();

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Record(command, new OneRowReader()));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        InterceptionResult<object>.SuppressWithResult(Record<object>(command, 1));

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        InterceptionResult<int>.SuppressWithResult(Record(command, 1));

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    private T Record<T>(DbCommand command, T answer)
    {
        lock (commands) commands.Add(command.CommandText);
        return answer;
    }

    public void Dispose() => services.Dispose();
}
