using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpsBot.Bench;

/// <summary>A command EF sent: its SQL and parameter values, ready to be replayed bare.</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<CapturedParameter> Parameters);

public sealed record CapturedParameter(string Name, object? Value, SqliteType? Type);

/// <summary>
/// Records the SQL EF actually sends while a query runs, so the bench can time exactly that SQL
/// without EF. Records only inside <see cref="Record"/>: timed runs pay nothing but a flag check.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private List<CapturedCommand>? recording;

    /// <summary>Runs <paramref name="run"/> once and returns every command it sent, in order.</summary>
    public async Task<IReadOnlyList<CapturedCommand>> Record(Func<Task> run)
    {
        var commands = new List<CapturedCommand>();
        recording = commands;
        try { await run(); }
        finally { recording = null; }
        return commands;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command) =>
        recording?.Add(new CapturedCommand(command.CommandText, command.Parameters.Cast<DbParameter>()
            .Select(p => new CapturedParameter(p.ParameterName, p.Value, (p as SqliteParameter)?.SqliteType))
            .ToArray()));
}
