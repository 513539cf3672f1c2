using System.Resources;

namespace OpsBot.Radar;

/// <summary>The radar's texts in RadarText.resx (English) and RadarText.de.resx.</summary>
internal static class RadarText
{
    public static readonly ResourceManager Resources = new(typeof(RadarText));
}
