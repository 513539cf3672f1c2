using System.Resources;

namespace OpsBot.Creators;

/// <summary>The creator card's texts in CreatorText.resx (English) and CreatorText.de.resx.</summary>
internal static class CreatorText
{
    public static readonly ResourceManager Resources = new(typeof(CreatorText));
}
