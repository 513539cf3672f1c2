using System.Resources;

namespace OpsBot.Alerts;

/// <summary>The texts of the alert posts in AlertText.resx (English) and AlertText.de.resx.</summary>
internal static class AlertText
{
    public static readonly ResourceManager Resources = new(typeof(AlertText));
}
