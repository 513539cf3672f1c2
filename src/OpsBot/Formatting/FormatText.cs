using System.Resources;

namespace OpsBot.Formatting;

/// <summary>The few words <see cref="OpsFormat"/> puts around values ("n/a", "overdue by …"), in FormatText.resx.</summary>
internal static class FormatText
{
    public static readonly ResourceManager Resources = new(typeof(FormatText));
}
