using System.Resources;

namespace OpsBot.Proposals.ByHand;

/// <summary>The texts of proposing by hand (<c>/propose</c>, the buttons) in ByHandText.resx (English) and ByHandText.de.resx.</summary>
internal static class ByHandText
{
    public static readonly ResourceManager Resources = new(typeof(ByHandText));
}
