using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsBot.Data;

/// <summary>What became of one occurrence of a scheduled job.</summary>
public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
    /// <summary>Not run: missed beyond the grace window, or superseded by a later occurrence.</summary>
    Skipped,
    /// <summary>Run successfully, but after its time (caught up on start inside the grace window).</summary>
    Late,
}

/// <summary>
/// One occurrence of a scheduled job. The unique (<see cref="Job"/>, <see cref="OccurrenceAt"/>) pair is the
/// occurrence key: inserting the row is the claim, so two instances on one store run an occurrence once.
/// </summary>
public sealed class JobRun
{
    public const int JobLength = 64, OwnerLength = 128, OutcomeLength = 16, ErrorLength = 2000;

    public long Id { get; set; }
    public required string Job { get; set; }

    /// <summary>The instant the schedule named (not when it actually ran).</summary>
    public DateTimeOffset OccurrenceAt { get; set; }

    /// <summary>The instance that holds (or held) the claim.</summary>
    public required string Owner { get; set; }

    /// <summary>Until when the owner's claim holds; a <see cref="JobOutcome.Running"/> row past it was abandoned by a crash.</summary>
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>1 for the first claim, 2 once another instance took over an abandoned run (it is retried once, never more).</summary>
    public int Attempt { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public JobOutcome Outcome { get; set; }
    public string? Error { get; set; }
    public long? DurationMs { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<JobRun>
    {
        public void Configure(EntityTypeBuilder<JobRun> b)
        {
            b.Property(r => r.Job).HasMaxLength(JobLength);
            b.Property(r => r.Owner).HasMaxLength(OwnerLength);
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(OutcomeLength);
            b.Property(r => r.Error).HasMaxLength(ErrorLength);
            b.HasIndex(r => new { r.Job, r.OccurrenceAt }).IsUnique();
        }
    }
}
