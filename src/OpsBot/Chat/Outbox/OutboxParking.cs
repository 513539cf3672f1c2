using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// What a failed send leads to: another try later (the wait doubling each time), or after
/// <see cref="OutboxOptions.MaxAttempts"/> the message is parked and the alerts channel is told what could not be delivered.
/// A send the platform deferred (a rate limit) is tried again when the platform says, at no cost in attempts.
/// </summary>
public sealed class OutboxParking(OpsDbContext db, Outbox outbox, OutboxSignal signal, OpsText text, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxParking> log)
{
    /// <summary>Alerts about parked messages; one that is parked itself raises no further alert (no alert loop).</summary>
    public const string AlertPrefix = "outbox.parked:";

    private readonly OutboxOptions settings = options.Value;

    /// <param name="item">As claimed: <see cref="OutboxMessage.Attempts"/> includes this attempt.</param>
    public async Task FailedAsync(OutboxMessage item, Exception error, CancellationToken ct)
    {
        // The exception's message only: SlackApi keeps tokens out of it, and the message body is never quoted.
        var lastError = Limits.Cut(error.Message, Limits.Note);
        var park = item.Attempts >= settings.MaxAttempts;
        var nextAttemptAt = clock.GetUtcNow() + settings.RetryAfter(item.Attempts);
        // The parking and its alert commit together: a crash between them would leave a parked message nobody hears of.
        // When this fails, the claim's lease runs out and the message is tried (and parked) again.
        var written = await db.InTransactionAsync(async ct =>
        {
            var written = await ReleaseAsync(item, park ? OutboxStatus.Parked : OutboxStatus.Pending, nextAttemptAt, lastError, givenBack: 0, ct);
            if (written && park && !item.Key.StartsWith(AlertPrefix, StringComparison.Ordinal))
                await outbox.EnqueueAsync(AlertPrefix + item.Id, OutboxTarget.Channel(OpsChannel.Alerts), Alert(item, lastError), ct);
            return written;
        }, ct);
        if (!written) return;
        if (park)
            log.LogError("Outbox {Key} parked after {Attempts} attempts: {Error}", item.Key, item.Attempts, lastError);
        else
            log.LogWarning("Outbox {Key} not delivered (attempt {Attempt} of {Max}), next try at {At}: {Error}",
                item.Key, item.Attempts, settings.MaxAttempts, nextAttemptAt, lastError);
    }

    /// <summary>
    /// The platform asked to wait (<see cref="DeliveryDeferredException"/>): tried again after its Retry-After, and the
    /// attempt the claim counted is given back, since a rate limit says nothing about whether the message can be delivered.
    /// </summary>
    public async Task DeferredAsync(OutboxMessage item, DeliveryDeferredException deferred, CancellationToken ct)
    {
        var lastError = Limits.Cut(deferred.Message, Limits.Note);
        var nextAttemptAt = clock.GetUtcNow() + deferred.RetryAfter;
        if (await ReleaseAsync(item, OutboxStatus.Pending, nextAttemptAt, lastError, givenBack: 1, ct))
            log.LogWarning("Outbox {Key} deferred by the platform until {At}, attempt not counted: {Error}", item.Key, nextAttemptAt, lastError);
    }

    /// <summary>Gives up this instance's claim, if still held: the message waits in <paramref name="status"/> until <paramref name="nextAttemptAt"/>.</summary>
    /// <param name="givenBack">Attempts taken off the count the claim raised (1 when the attempt does not count).</param>
    private async Task<bool> ReleaseAsync(OutboxMessage item, OutboxStatus status, DateTimeOffset nextAttemptAt, string lastError, int givenBack,
        CancellationToken ct) =>
        await OutboxSender.Claimed(db, item.Id, signal.Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.Attempts, m => m.Attempts - givenBack)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, lastError), ct) == 1;

    private ChatMessage Alert(OutboxMessage item, string lastError)
    {
        var texts = text.Of(OutboxText.Resources);
        var target = texts.Format($"Target.{item.TargetKind}", item.TargetId);
        return new ChatMessage(
            texts.Format("Parked.Fallback", item.Key, target),
            new HeaderBlock(texts["Parked.Header"]),
            new TextBlock(texts.Rich("Parked.Text", item.Key, target, item.Attempts)),
            new TextBlock(texts.Rich("Parked.LastError", lastError)));
    }
}
