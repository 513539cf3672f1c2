namespace OpsBot.Chat.Rendering;

/// <summary>Cuts a table to a length budget: long cells first, then the rows at the end.</summary>
internal static class TableCutter
{
    /// <summary>Wider cells are cut, so one long note cannot push every other column off a phone screen.</summary>
    public const int CellLength = 48;

    /// <summary>
    /// The table unchanged (the same instance) when it fits; else with cells cut and as many rows as fit,
    /// keeping <see cref="TableBlock.TotalRows"/> so the renderer says "… and N more"; null when not even
    /// the header fits.
    /// </summary>
    public static TableBlock? Cut(TableBlock table, int budget, Func<TableBlock, int> cost)
    {
        var narrow = NarrowCells(table);
        if (cost(narrow) <= budget) return narrow;
        if (cost(WithRows(narrow, 0)) > budget) return null;
        // Every row adds at least a line, so the cost grows with the row count: search for the most that fit.
        int fits = 0, fails = narrow.Rows.Count;
        while (fails - fits > 1)
        {
            var middle = (fits + fails) / 2;
            if (cost(WithRows(narrow, middle)) <= budget) fits = middle;
            else fails = middle;
        }
        return WithRows(narrow, fits);
    }

    private static TableBlock WithRows(TableBlock table, int count) => table with { Rows = [.. table.Rows.Take(count)] };

    private static TableBlock NarrowCells(TableBlock table)
    {
        if (table.Columns.Concat(table.Rows.SelectMany(r => r)).All(c => c.Length <= CellLength)) return table;
        return table with { Columns = Narrow(table.Columns), Rows = [.. table.Rows.Select(Narrow)] };
    }

    private static IReadOnlyList<string> Narrow(IReadOnlyList<string> cells) =>
        [.. cells.Select(c => TextCutter.Cut(c, CellLength, MarkupCost.None))];
}
