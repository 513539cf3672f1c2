using System.Resources;

namespace OpsBot.Digest;

/// <summary>The digests' texts in DigestText.resx (en) and DigestText.de.resx.</summary>
internal static class DigestText
{
    public static readonly ResourceManager Resources = new(typeof(DigestText));
}
