using System.Resources;

namespace OpsBot.Nudges;

/// <summary>The nudges' texts (the creator's reminder, the ops listing and alert) in NudgeText.resx (English) and NudgeText.de.resx.</summary>
internal static class NudgeText
{
    public static readonly ResourceManager Resources = new(typeof(NudgeText));
}
