using System.Collections.Concurrent;
using System.Threading;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Keeps <c>chat.postMessage</c> to about one message per second per channel, the pace Slack allows
/// (bursts are tolerated, then it answers 429). One instance per process, so every caller shares a
/// channel's turn; posts to different channels never wait for each other.
/// </summary>
/// <remarks>
/// One gate per channel the bot ever posted to: a handful of team channels and the DMs of creators,
/// small enough to keep for the life of the process.
/// </remarks>
public sealed class SlackPacer(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Gate> gates = new();

    /// <summary>Waits until <paramref name="channel"/> may take the next message and claims that turn.</summary>
    public async Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(channel, _ => new Gate());
        await gate.Turn.WaitAsync(ct);
        try
        {
            var wait = gate.NextAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            gate.NextAt = time.GetUtcNow() + Interval;
        }
        finally
        {
            gate.Turn.Release();
        }
    }

    private sealed class Gate
    {
        /// <summary>One caller at a time per channel, in arrival order.</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset NextAt { get; set; } = DateTimeOffset.MinValue;
    }
}
