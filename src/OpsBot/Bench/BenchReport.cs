using System.Runtime.InteropServices;

namespace OpsBot.Bench;

/// <summary>
/// One figure against its target. Query figures carry the EF timing, the same SQL run bare, and the
/// slowest of its SQL commands (so a missed target points at the statement to look at).
/// </summary>
public sealed record BenchFigure(string Name, string Unit, double Value, string Comparison, double Target,
    Timing? Ef = null, Timing? Bare = null, string? Note = null, SlowestCommand? Slowest = null)
{
    public bool Met => Comparison == "≥" ? Value >= Target : Value <= Target;

    public static BenchFigure Query(string name, double targetMs, Timing ef, Timing bare, string? note = null) =>
        new(name, "ms", ef.MedianMs, "≤", targetMs, ef, bare, note);
}

/// <summary>Where the figures were taken.</summary>
public sealed record BenchMachine(int Cores, string Os, string Runtime, string Sqlite)
{
    public static BenchMachine Current(string sqliteVersion) =>
        new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, sqliteVersion);
}

/// <summary>Everything the bench prints: the machine, the data set and the figures.</summary>
public sealed record BenchReport(BenchMachine Machine, BenchDataSet DataSet, double BuildPeakMiB, IReadOnlyList<BenchFigure> Figures)
{
    public bool AllMet => Figures.All(f => f.Met);
}
