using System.Threading;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OpsBot.Tests.Chat.Slack;

/// <summary>
/// A fake clock that tells the test whenever code starts waiting on it and for how long, so a test can
/// check the wait (Retry-After, backoff, pacing) and then let exactly that much time pass.
/// </summary>
public sealed class WaitingClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Waits that started and were not yet taken by <see cref="NextWaitAsync"/>.</summary>
    public int UntakenWaits => waits.Reader.Count;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The length of the next wait that starts (or already started); fails after 10 real seconds.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await waits.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Takes the next wait and lets exactly that much time pass.</summary>
    public async Task<TimeSpan> PassNextWaitAsync()
    {
        var wait = await NextWaitAsync();
        Advance(wait);
        return wait;
    }
}
