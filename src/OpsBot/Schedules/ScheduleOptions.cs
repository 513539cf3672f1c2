using System.ComponentModel.DataAnnotations;
using Cronos;

namespace OpsBot.Schedules;

/// <summary>When each job runs (section <c>Schedules</c>): five-field cron expressions read in the ops time zone (<c>OpsBot:TimeZone</c>).</summary>
public sealed class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedules";

    public string DailyRadar { get; set; } = "0 9 * * 1-5";
    public string DailyDigest { get; set; } = "0 9 * * 1-5";
    public string WeeklyDigest { get; set; } = "0 9 * * 1";
    public string AlertSweep { get; set; } = "*/15 * * * *";
    public string NudgeSweep { get; set; } = "*/15 * * * *";
    public string ProposalSweep { get; set; } = "*/15 * * * *";

    /// <summary>How late a missed occurrence may still run on start; older ones are skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")] public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a claim holds: a run still marked running after it was abandoned by a crashed instance.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Every job by name (the configuration key) with its cron expression, in a fixed order.</summary>
    public IReadOnlyList<(string Job, string Cron)> Jobs =>
    [
        (nameof(DailyRadar), DailyRadar), (nameof(DailyDigest), DailyDigest), (nameof(WeeklyDigest), WeeklyDigest),
        (nameof(AlertSweep), AlertSweep), (nameof(NudgeSweep), NudgeSweep),
        (nameof(ProposalSweep), ProposalSweep),
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var (job, cron) in Jobs)
        {
            string? problem = null;
            try { CronExpression.Parse(cron); }
            catch (CronFormatException e) { problem = e.Message; }
            catch (ArgumentNullException) { problem = "it is empty"; }
            if (problem is not null)
                yield return new ValidationResult($"{Section}:{job} '{cron}' is not a cron expression: {problem}", [job]);
        }
    }
}
