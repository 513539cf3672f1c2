using System.Resources;

namespace OpsBot.Proposals.Playbooks;

/// <summary>The playbooks' evidence and the flag card's texts in PlaybookText.resx (English) and PlaybookText.de.resx.</summary>
internal static class PlaybookText
{
    public static readonly ResourceManager Resources = new(typeof(PlaybookText));
}
