using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Data;

/// <summary>Column lengths, chosen so every indexed string fits SQL Server's index key limit.</summary>
internal static class Limits
{
    public const int Id = 128;
    public const int Handle = 64;
    public const int Code = 32;
    public const int Text = 512;
    public const int Note = 2000;

    /// <summary>Shortens <paramref name="text"/> to a column of <paramref name="max"/> characters, marking the cut with "…".</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
