using System.Globalization;

namespace OpsBot.Platform.Demo;

/// <summary>Sequential ids in the platform's style (<c>thr_000123</c>): deterministic, unique per kind.</summary>
internal sealed class DemoIds
{
    private long checkouts, threads, messages, refunds;

    public string Checkout() => Next("chk", ++checkouts);
    public string Thread() => Next("thr", ++threads);
    public string Message() => Next("msg", ++messages);
    public string Refund() => Next("rfd", ++refunds);

    public static string Next(string prefix, long number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}_{number:D6}");
}
