using System.Resources;

namespace OpsBot.Proposals;

/// <summary>The proposals' texts in ProposalText.resx (English) and ProposalText.de.resx.</summary>
internal static class ProposalText
{
    public static readonly ResourceManager Resources = new(typeof(ProposalText));
}
