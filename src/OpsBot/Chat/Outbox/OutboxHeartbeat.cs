using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Data;

namespace OpsBot.Chat.Outbox;

/// <summary>
/// Keeps a claim alive while its send runs: every third of <see cref="OutboxOptions.Lease"/> it moves the lease on, so a
/// send slower than the lease (Slack pacing, uploads) is not taken over and sent a second time by another instance.
/// When a renewal finds the claim gone (this instance stalled past its lease and another took the message), the send is
/// cancelled: the other instance delivers it now.
/// </summary>
/// <remarks>
/// Renewals use their own DbContext from a fresh scope: the send's DbContext may be busy at that moment, and a
/// DbContext does not take two operations at once.
/// </remarks>
public sealed class OutboxHeartbeat(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<OutboxOptions> options,
    ILogger<OutboxHeartbeat> log)
{
    /// <summary>Starts renewing the claim on <paramref name="item"/>; disposing the result stops it.</summary>
    public Beat Start(OutboxMessage item) => new(this, item);

    public sealed class Beat : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly CancellationTokenSource lost = new();
        private readonly Task beating;

        internal Beat(OutboxHeartbeat heartbeat, OutboxMessage item) => beating = heartbeat.BeatAsync(item, lost, stop.Token);

        /// <summary>Cancelled when the claim turned out to be another instance's: the send stops.</summary>
        public CancellationToken Lost => lost.Token;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await stop.CancelAsync();
                // Never faults (BeatAsync ends quietly once stopped), so the send's outcome is always recorded after this.
                await beating;
            }
            finally
            {
                stop.Dispose();
                lost.Dispose();
            }
        }
    }

    private async Task BeatAsync(OutboxMessage item, CancellationTokenSource lost, CancellationToken stop)
    {
        var every = options.Value.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, clock, stop);
                if (await RenewAsync(item, stop) is false)
                {
                    log.LogWarning("Outbox {Key}: the claim was taken over mid-send; stopping, the instance holding it now delivers it", item.Key);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The send ended. A renewal cut off mid-command may end in the provider's own error, not a cancellation
            // (SqlClient throws SqlException "Operation cancelled by user"): nothing to report either way.
        }
    }

    /// <returns>Whether the claim is still ours; null when the store could not be asked (the next beat asks again, well within the lease).</returns>
    private async Task<bool?> RenewAsync(OutboxMessage item, CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
            var leaseUntil = clock.GetUtcNow() + options.Value.Lease;
            return await OutboxSender.Claimed(db, item.Id, signal.Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), stop) == 1;
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            log.LogWarning(e, "Outbox {Key}: lease not renewed this time", item.Key);
            return null;
        }
    }
}
