using System.Resources;

namespace OpsBot.Ops;

/// <summary>The texts of <c>/ops</c> and its help in OpsCommandText.resx (English) and OpsCommandText.de.resx.</summary>
internal static class OpsCommandText
{
    public static readonly ResourceManager Resources = new(typeof(OpsCommandText));
}
