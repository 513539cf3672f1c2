using Microsoft.EntityFrameworkCore;

namespace OpsBot.Tests.Metrics;

/// <summary>SQLite's plan for a query, one step per line as EXPLAIN QUERY PLAN prints it ("SEARCH t USING INDEX …").</summary>
public static class QueryPlan
{
    public static async Task<List<string>> ExplainAsync<TRow>(IQueryable<TRow> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await command.Connection!.OpenAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
