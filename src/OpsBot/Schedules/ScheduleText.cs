using System.Resources;

namespace OpsBot.Schedules;

/// <summary>The texts of <c>/ops schedule</c> in ScheduleText.resx (English) and ScheduleText.de.resx.</summary>
internal static class ScheduleText
{
    public static readonly ResourceManager Resources = new(typeof(ScheduleText));
}
