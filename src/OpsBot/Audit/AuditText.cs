using System.Resources;

namespace OpsBot.Audit;

/// <summary>The texts of <c>/ops audit</c> in AuditText.resx (English) and AuditText.de.resx.</summary>
internal static class AuditText
{
    public static readonly ResourceManager Resources = new(typeof(AuditText));
}
