using OpsBot.Metrics;

namespace OpsBot.Cli;

/// <summary>"Unknown creator 'x'. Did you mean: a, b?" on stderr, exit code 1: the same answer for every command taking a handle.</summary>
internal static class UnknownCreator
{
    public static async Task<int> ReportAsync(CliContext cli, IServiceProvider services, string handle, CancellationToken ct)
    {
        var suggestions = await services.GetRequiredService<CreatorLookup>().SuggestHandlesAsync(handle, ct);
        cli.Error.WriteLine(suggestions.Count == 0
            ? $"Unknown creator '{handle}'."
            : $"Unknown creator '{handle}'. Did you mean: {string.Join(", ", suggestions)}?");
        return CliApp.Failed;
    }
}
