using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Alerts;

/// <summary>
/// Keeps the alert episodes in the store and their posts in the outbox, each step in one transaction, so a sweep
/// that dies half-way leaves every subject either done or untouched. Every write is keyed by the sweep occurrence:
/// a retried occurrence raises nothing twice (unique subject and raise time), counts no sweep twice
/// (<see cref="Alert.LastSweepAt"/>) and enqueues nothing twice (the outbox keys of <see cref="AlertSubjects"/>).
/// </summary>
public sealed class AlertEpisodes(
    OpsDbContext db, Outbox outbox, OutboxSignal signal, AlertMessages messages, AuditLog audit, IOptions<AlertSweepOptions> options)
{
    private static readonly OutboxTarget AlertsChannel = OutboxTarget.Channel(OpsChannel.Alerts);

    public async Task<IReadOnlyList<Alert>> OpenAsync(CancellationToken ct) =>
        await db.Alerts.AsNoTracking().Where(a => a.ClearedAt == null).OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>A new episode and its post.</summary>
    /// <returns>false when another sweep raised this subject first (the unique indexes decided).</returns>
    public async Task<bool> RaiseAsync(AlertReading reading, DateTimeOffset occurrence, CancellationToken ct)
    {
        var postKey = AlertSubjects.PostKey(reading.Subject, occurrence);
        try
        {
            await InTransactionAsync(async () =>
            {
                db.Alerts.Add(new Alert
                {
                    Subject = reading.Subject, Kind = reading.Kind, RaisedAt = occurrence, PostKey = postKey,
                    Figures = reading.Figures.Fingerprint, LastSweepAt = occurrence,
                });
                Audit(AuditActions.AlertRaised, reading, before: null, after: reading.Figures.Fingerprint);
                await db.SaveChangesAsync(ct);
                await outbox.EnqueueAsync(postKey, AlertsChannel, messages.Open(reading.Figures, occurrence, occurrence), ct);
            }, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Alerts.AnyAsync(a => a.Subject == reading.Subject && (a.ClearedAt == null || a.RaisedAt == occurrence), ct)) return false;
            throw;
        }
    }

    /// <summary>
    /// One sweep's look at an open episode: counts clean sweeps (any other sweep restarts the count), gives the all
    /// clear after <see cref="AlertSweepOptions.ClearAfterSweeps"/> of them, else rewrites the post when its figures changed.
    /// </summary>
    /// <returns>false when this occurrence had already looked at it (a retry) or another sweep got there first.</returns>
    public async Task<bool> FollowAsync(Alert alert, AlertReading reading, DateTimeOffset occurrence, CancellationToken ct)
    {
        if (alert.LastSweepAt >= occurrence) return false;
        var cleanSweeps = reading.Level == AlertLevel.Clear ? alert.CleanSweeps + 1 : 0;
        var clears = cleanSweeps >= options.Value.ClearAfterSweeps;
        var figures = reading.Figures.Fingerprint;
        var changed = figures != alert.Figures;
        var followed = false;
        await InTransactionAsync(async () =>
        {
            // Conditional on what was read, so of two overlapping sweeps only one moves the episode on.
            followed = await db.Alerts
                .Where(a => a.Id == alert.Id && a.ClearedAt == null && a.LastSweepAt == alert.LastSweepAt)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(a => a.LastSweepAt, occurrence)
                    .SetProperty(a => a.CleanSweeps, cleanSweeps)
                    .SetProperty(a => a.Figures, figures)
                    .SetProperty(a => a.ClearedAt, clears ? occurrence : null), ct) == 1;
            if (!followed) return;
            if (clears || changed)
            {
                Audit(clears ? AuditActions.AlertCleared : AuditActions.AlertUpdated, reading, alert.Figures, figures);
                await db.SaveChangesAsync(ct);
            }
            if (clears)
            {
                await outbox.EnqueueUpdateAsync(AlertSubjects.UpdateKey(alert, occurrence), alert.PostKey, messages.Cleared(reading.Figures, alert.RaisedAt, occurrence), ct);
                await outbox.EnqueueAsync(AlertSubjects.AllClearKey(alert), AlertsChannel, messages.AllClearLine(reading.Figures, alert.RaisedAt, occurrence), ct);
            }
            else if (changed)
                await outbox.EnqueueUpdateAsync(AlertSubjects.UpdateKey(alert, occurrence), alert.PostKey, messages.Open(reading.Figures, alert.RaisedAt, occurrence), ct);
        }, ct);
        return followed;
    }

    /// <summary>The audit log's line for a step, saved in the step's transaction; figures are the post's own fingerprint.</summary>
    private void Audit(string action, AlertReading reading, string? before, string after) =>
        audit.Add(new AuditRecord(AuditActor.OpsBot, action, $"alert {reading.Subject}",
            CreatorId: AlertSubjects.CreatorOrNull(reading.Kind, reading.Subject), Before: before, After: after, Why: reading.Kind.ToString()));

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await db.InTransactionAsync(_ => work(), ct);
        // The outbox woke the worker before the commit, when it could not see the posts yet.
        signal.Wake();
    }
}
