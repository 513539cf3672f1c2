using Microsoft.Extensions.DependencyInjection;
using OpsBot.Schedules;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Nudges;

/// <summary>The real host for nudges end to end: an outbox polling every 50 ms and the runner driven by the test.</summary>
internal static class NudgeHost
{
    /// <summary>13:50 in Berlin on Friday 2026-11-20: the runner's first tick; the sweep of 14:00 runs on the next.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-20T12:50:00Z");

    /// <summary>When the 14:00 sweep runs (14:01, on time): deadlines in tests are counted from here.</summary>
    public static readonly DateTimeOffset SweepAt = Start + TimeSpan.FromMinutes(11);

    public static Task<TestHost> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        return TestHost.StartAsync(all, Start, database, services);
    }

    /// <summary>A first tick (nothing due yet), then one past the quarter hour: the nudge sweep of 14:00 runs once.</summary>
    public static async Task<TickReport> SweepAsync(this TestHost host)
    {
        var runner = host.Services.GetRequiredService<JobRunner>();
        await runner.TickAsync(CancellationToken.None);
        host.Clock.Advance(SweepAt - host.Clock.GetUtcNow());
        return await runner.TickAsync(CancellationToken.None);
    }

    /// <summary>Waits (wall clock) until <paramref name="done"/> holds, or fails after 20 s.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still waiting for {what}.");
            await Task.Delay(25);
        }
    }
}
