using System.Resources;

namespace OpsBot.Proposals.Execution;

/// <summary>The execution's own words (results, the escalation alert, the creator's note) in ExecutionText.resx and .de.resx.</summary>
internal static class ExecutionText
{
    public static readonly ResourceManager Resources = new(typeof(ExecutionText));
}
