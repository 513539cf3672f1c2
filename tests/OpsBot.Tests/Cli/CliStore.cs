using Microsoft.Extensions.Configuration;
using OpsBot.Cli;
using OpsBot.Data;
using OpsBot.Tests.Metrics;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Cli;

/// <summary>
/// A real SQLite file with a small known history that every CLI test reads (the commands only read, so
/// one file serves a whole test class). T = 2026-11-20T09:00Z, 10:00 in Europe/Berlin; the daily period
/// is 2026-11-19 in Berlin = [2026-11-18T23:00Z, 2026-11-19T23:00Z). Comments give each thread's part.
/// </summary>
public sealed class CliStore : IAsyncLifetime
{
    public const string AsOf = "2026-11-20T09:00:00Z";
    private readonly MetricsFixture store = new();

    public async Task InitializeAsync()
    {
        var anna = store.Creator("anna", referralCode: "ANNA");
        var bob = store.Creator("bob", referredBy: "ANNA", joinedAt: At("2026-11-19T12:00:00Z"));   // new in the daily period
        var cleo = store.Creator("cleo");
        store.Thread(anna, At("2026-11-19T08:00:00Z"), 24, amount: 2999, lane: Lane.Fast);          // t01 due 11-20T08:00Z: overdue by 1 h
        store.Thread(bob, At("2026-11-19T20:00:00Z"), 16, amount: 1999);                            // t02 due 11-20T12:00Z: 3 h left, critical
        store.Thread(anna, At("2026-11-20T08:00:00Z"), 48, amount: 123_456, offer: "o1");           // t03 due 11-22T08:00Z: 47 h left, ok; today
        store.Thread(anna, At("2026-11-19T10:00:00Z"), 24, amount: 5000).ReplyAfterHours(2);        // t04 answered after 2 h
        store.Thread(bob, At("2026-11-19T09:30:00Z"), 24, amount: 1000)                             // t05 refunded in the period
            .Refund(At("2026-11-19T15:00:00Z"), RefundReason.PoorAnswer);
        for (var i = 0; i < 5; i++)                                                                 // t06–t10 October: cleo answers none of 5 due,
            store.Thread(cleo, At("2026-10-30T00:00:00Z"), 24).Refund(At("2026-10-31T01:00:00Z"));   //     an answer_rate outlier; not in November
        store.Visit(anna, At("2026-11-19T07:00:00Z"));
        store.Visit(anna, At("2026-11-19T07:30:00Z"));
        store.Checkout(anna, At("2026-11-19T07:45:00Z"));
        await store.SaveAsync();
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(store.ConnectionString, "en", args);

    public Task<CliRun> RunInGermanAsync(params string[] args) => CliRun.RunAsync(store.ConnectionString, "de", args);
}

/// <summary>One <c>opsbot</c> run through <see cref="CliApp.RunAsync"/>, with what it wrote.</summary>
public sealed record CliRun(int Exit, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(string connectionString, string culture, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, output, error, config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OpsBot"] = connectionString,
            ["OpsBot:Culture"] = culture,
        }));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
