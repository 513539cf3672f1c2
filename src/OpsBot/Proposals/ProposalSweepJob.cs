using OpsBot.Schedules;

namespace OpsBot.Proposals;

/// <summary>
/// One step of the proposal sweep: a playbook that proposes (SLA misses, refund reviews, high refund rates, ...) or
/// housekeeping (expiry). Steps register with <see cref="ProposalSweepSteps.AddProposalSweepStep{T}"/> and run in that order.
/// </summary>
public interface IProposalSweepStep
{
    /// <summary>For the log and the failure message.</summary>
    string Name { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken ct);
}

public static class ProposalSweepSteps
{
    public static IServiceCollection AddProposalSweepStep<T>(this IServiceCollection services) where T : class, IProposalSweepStep =>
        services.AddScoped<IProposalSweepStep, T>();
}

/// <summary>
/// <c>Schedules:ProposalSweep</c>: runs every step as of the clock's now (a late sweep proposes what holds now, not
/// what held at its occurrence). One failing step does not stop the others; the job then fails with all their
/// errors, so the runner raises one alert.
/// </summary>
public sealed class ProposalSweepJob(IEnumerable<IProposalSweepStep> steps, TimeProvider clock, ILogger<ProposalSweepJob> log) : IScheduledJob
{
    public string Name => "ProposalSweep";

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var step in steps)
        {
            try
            {
                await step.RunAsync(clock.GetUtcNow(), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Proposal sweep step {Step} failed", step.Name);
                failures.Add(new InvalidOperationException($"{step.Name}: {e.Message}", e));
            }
        }
        if (failures.Count > 0) throw new AggregateException("Proposal sweep steps failed: " + string.Join("; ", failures.Select(f => f.Message)), failures);
    }
}
