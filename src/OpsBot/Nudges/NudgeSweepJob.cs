using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Schedules;

namespace OpsBot.Nudges;

/// <summary>
/// Every 15 minutes (<c>Schedules:NudgeSweep</c>): each open thread that crossed an offset before its deadline is
/// nudged once — one DM (or email) per creator and offset, listing all their questions that crossed it together.
/// Opted-out creators are recorded and left alone; those OpsBot cannot reach are listed once in the alerts channel;
/// a creator in their quiet hours is nudged after them, unless a deadline would pass first. Runs as of now, not the
/// occurrence: a late sweep should nudge about what is due now.
/// </summary>
public sealed class NudgeSweepJob(
    OpsDbContext db, NudgeCrossings crossings, NudgeSettings settings, NudgeReach reach, CreatorVoices voices, NudgeMessage reminders,
    CouldNotNudgeMessage couldNot, NudgeRecorder recorder, TimeProvider clock, IOptions<NudgeOptions> options) : IScheduledJob
{
    public const string JobName = "NudgeSweep";

    public string Name => JobName;

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await crossings.AsOfAsync(now, options.Value.OffsetsInForce, ct);
        if (all.Count == 0) return;
        var creatorIds = all.Select(c => c.Thread.CreatorId).Distinct().ToList();
        var creators = await db.Creators.AsNoTracking().Where(c => creatorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var optedOut = await settings.OptedOutAsync(creatorIds, ct);
        var unreachable = new List<(Creator? Creator, Crossing Crossing)>();

        foreach (var group in all.GroupBy(c => c.Thread.CreatorId))
        {
            var creator = creators.GetValueOrDefault(group.Key);
            if (optedOut.Contains(group.Key))
            {
                await recorder.TryRecordAsync([.. group.SelectMany(c => Rows(c, NudgeVia.None, NudgeStatus.OptedOut, null, now))], null, ct);
                continue;
            }
            // A creator not described by the feed yet has no identity to reach.
            var via = creator is null ? NudgeVia.None : await reach.ViaAsync(creator, ct);
            // Slack could not be asked (logged): nothing is recorded, so the next sweep asks again for these crossings.
            if (via is null) continue;
            if (creator is null || via == NudgeVia.None)
            {
                unreachable.AddRange(group.Select(c => (creator, c)));
                continue;
            }
            await NudgeAsync(creator, via.Value, [.. group], now, ct);
        }
        await ReportUnreachableAsync(unreachable, now, ct);
    }

    private async Task NudgeAsync(Creator creator, NudgeVia via, IReadOnlyList<Crossing> crossed, DateTimeOffset now, CancellationToken ct)
    {
        // Held until the quiet hours end (nothing recorded, so the first sweep after them picks it up), unless the deadline comes first.
        var quietUntil = options.Value.QuietHours.EndOf(now, voices.ZoneOf(creator));
        var sendable = crossed.Where(c => quietUntil is not { } end || c.Due is null || c.Thread.DeadlineAt <= end).ToList();
        // A thread whose smallest offset was recorded earlier has only superseded offsets left to write down.
        await recorder.TryRecordAsync([.. sendable.Where(c => c.Due is null).SelectMany(c => Rows(c, NudgeVia.None, NudgeStatus.Superseded, null, now))], null, ct);
        var voice = voices.For(creator);
        foreach (var batch in sendable.Where(c => c.Due is not null).GroupBy(c => c.Due!.Value))
        {
            var key = OutboxKey("nudge", batch.First());
            var target = via == NudgeVia.Dm ? OutboxTarget.CreatorDm(creator.Id) : OutboxTarget.CreatorEmail(creator.Id);
            var message = reminders.Build(voice, creator.Handle, batch.Key, [.. batch.Select(c => c.Thread)], now, inDm: via == NudgeVia.Dm);
            await recorder.TryRecordAsync([.. batch.SelectMany(c => Rows(c, via, NudgeStatus.Sent, key, now))], new NudgeDelivery(key, target, message), ct);
        }
    }

    private async Task ReportUnreachableAsync(List<(Creator? Creator, Crossing Crossing)> unreachable, DateTimeOffset now, CancellationToken ct)
    {
        if (unreachable.Count == 0) return;
        var due = unreachable.Where(u => u.Crossing.Due is not null)
            .Select(u => new Unreachable(u.Creator?.Handle ?? u.Crossing.Thread.CreatorId, u.Crossing.Thread, u.Crossing.Due!.Value)).ToList();
        var delivery = due.Count == 0 ? null
            : new NudgeDelivery(OutboxKey("nudge.unreachable", unreachable.First(u => u.Crossing.Due is not null).Crossing), OutboxTarget.Channel(OpsChannel.Alerts), couldNot.Build(due, now));
        await recorder.TryRecordAsync([.. unreachable.SelectMany(u => Rows(u.Crossing, NudgeVia.None, NudgeStatus.CouldNotNudge, delivery?.Key, now))], delivery, ct);
    }

    /// <summary>
    /// The key of a message, after the first crossing it carries (<c>nudge:t_42:720m</c>). Each (thread, offset) is recorded
    /// once, in the same transaction as the message, so no other message can ever get this key. Not the occurrence: a
    /// taken-over occurrence runs later and may carry threads that crossed meanwhile, which the outbox would drop as a
    /// repeat of the first run's message while their rows said "sent".
    /// </summary>
    private static string OutboxKey(string prefix, Crossing first) => $"{prefix}:{first.Thread.ThreadId}:{(int)first.Due!.Value.TotalMinutes}m";

    /// <summary>The crossing's records: its due offset with <paramref name="status"/> (if it has one), the larger offsets it crossed as superseded.</summary>
    private static IEnumerable<Nudge> Rows(Crossing c, NudgeVia via, NudgeStatus status, string? outboxKey, DateTimeOffset now)
    {
        Nudge Row(TimeSpan offset, NudgeVia v, NudgeStatus s) => new()
        {
            ThreadId = c.Thread.ThreadId, CreatorId = c.Thread.CreatorId, OffsetMinutes = (int)offset.TotalMinutes,
            Via = v, Status = s, OutboxKey = outboxKey, At = now,
        };
        if (c.Due is { } due) yield return Row(due, via, status);
        foreach (var offset in c.Superseded) yield return Row(offset, NudgeVia.None, NudgeStatus.Superseded);
    }
}
