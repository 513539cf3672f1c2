using Microsoft.Data.Sqlite;

namespace OpsBot.Bench;

/// <summary>
/// Replays captured commands with plain ADO on one open connection, reading every value of every
/// row (as EF does when it materializes), so the difference to the EF timing is EF's own overhead.
/// </summary>
public sealed class BareSql(SqliteConnection connection)
{
    public void Run(IReadOnlyList<CapturedCommand> commands)
    {
        foreach (var captured in commands)
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
}
