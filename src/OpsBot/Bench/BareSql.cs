using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OpsBot.Bench;

/// <summary>One captured command timed on its own: where a slow query spends its time.</summary>
public sealed record SlowestCommand(int Number, double Ms, string Sql);

/// <summary>
/// Replays captured commands with plain ADO on one open connection, reading every value of every
/// row (as EF does when it materializes), so the difference to the EF timing is EF's own overhead.
/// </summary>
public sealed class BareSql(SqliteConnection connection)
{
    public void Run(IReadOnlyList<CapturedCommand> commands)
    {
        foreach (var command in commands) Run(command);
    }

    /// <summary>Runs each command once, timed, and names the slowest (numbered from 1, in the order EF sent them).</summary>
    public SlowestCommand? Slowest(IReadOnlyList<CapturedCommand> commands)
    {
        SlowestCommand? slowest = null;
        for (var i = 0; i < commands.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Run(commands[i]);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (slowest is null || ms > slowest.Ms) slowest = new SlowestCommand(i + 1, ms, commands[i].Sql);
        }
        return slowest;
    }

    private void Run(CapturedCommand captured)
    {
        using var command = connection.CreateCommand();
        command.CommandText = captured.Sql;
        foreach (var p in captured.Parameters)
        {
            var parameter = command.Parameters.AddWithValue(p.Name, p.Value ?? DBNull.Value);
            if (p.Type is { } type) parameter.SqliteType = type;
        }
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        while (reader.Read()) reader.GetValues(values);
    }
}
