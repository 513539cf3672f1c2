using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Data;
using OpsBot.Metrics;
using OpsBot.Tests.Fixtures;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Tests.Metrics;

/// <summary>
/// A real migrated SQLite file plus a tiny builder: threads are built with the entity API
/// (ApplyReply / ApplyRefund), saved on the first query, and the metric queries come from AddOpsMetrics.
/// </summary>
public sealed class MetricsFixture : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly List<object> pending = [];
    private ServiceProvider? services;
    private IServiceScope? scope;
    private int nextId;

    public OpsBotOptions Options { get; } = new();
    public FakeTimeProvider Clock { get; } = new(At("2026-11-20T09:00:00Z"));

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public Creator Creator(string handle, string? referralCode = null, string? referredBy = null, DateTimeOffset? joinedAt = null)
    {
        var creator = new Creator
        {
            Id = "c_" + handle, Handle = handle, HandleKey = OpsBot.Data.Creator.KeyOf(handle), DisplayName = handle.ToUpperInvariant(),
            StandardPriceMinor = 1000, Currency = "EUR", FastLaneFactor = 1.5m, FastLaneEnabled = true,
            ReferralCode = referralCode, ReferredByCode = referredBy, JoinedAt = joinedAt ?? At("2026-01-01T00:00:00Z"),
        };
        pending.Add(creator);
        return creator;
    }

    /// <summary>A thread due <paramref name="allowedHours"/> after creation; ids t01, t02… in call order.</summary>
    public ThreadBuilder Thread(Creator creator, DateTimeOffset createdAt, double allowedHours = 48, long amount = 1000, Lane lane = Lane.Standard, string? offer = null)
    {
        var deadline = createdAt.AddHours(allowedHours);
        var thread = new Thread
        {
            Id = $"t{++nextId:D2}", CreatorId = creator.Id, FanId = "fan", Lane = lane, OfferId = offer, AmountMinor = amount, Currency = "EUR",
            CreatedAt = createdAt, DeadlineAt = deadline, AllowedMs = (long)(deadline - createdAt).TotalMilliseconds,
        };
        pending.Add(thread);
        return new ThreadBuilder(thread, pending);
    }

    public void Visit(Creator creator, DateTimeOffset at) => pending.Add(new ChatVisit { CreatorId = creator.Id, VisitorId = "v", At = at });

    public void Checkout(Creator creator, DateTimeOffset at) => pending.Add(new Checkout { Id = $"k{++nextId}", CreatorId = creator.Id, At = at });

    /// <summary>A refund whose thread the store has not seen (it arrived first).</summary>
    public void OrphanRefund(DateTimeOffset at, long amount) => pending.Add(new Refund
    {
        Id = $"r{++nextId}", ThreadId = "unknown_thread", AmountMinor = amount, Currency = "EUR", Reason = RefundReason.Other, At = at,
    });

    /// <summary>The SQLite file the fixture writes (the CLI tests point <c>ConnectionStrings:OpsBot</c> at it).</summary>
    public string ConnectionString => database.ConnectionString;

    /// <summary>A context on the fixture's file, for a test that changes saved facts (a reply to a saved thread).</summary>
    public OpsDbContext NewContext() => database.NewContext();

    /// <summary>Saves what was built so far.</summary>
    public async Task SaveAsync()
    {
        if (pending.Count == 0) return;
        await using var db = database.NewContext();
        db.AddRange(pending);
        await db.SaveChangesAsync();
        pending.Clear();
    }

    /// <summary>Saves what was built so far and returns a metric query from the registered services.</summary>
    public async Task<TQuery> QueryAsync<TQuery>() where TQuery : notnull
    {
        await SaveAsync();
        services ??= BuildServices();
        scope ??= services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TQuery>();
    }

    private ServiceProvider BuildServices()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton(sp => new OpsCalendar(sp.GetRequiredService<IOptions<OpsBotOptions>>().Value.Zone));
        collection.AddScoped(_ => database.NewContext());
        collection.AddOpsMetrics();
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public void Dispose()
    {
        scope?.Dispose();
        services?.Dispose();
        database.Dispose();
    }
}

public sealed class ThreadBuilder(Thread thread, List<object> pending)
{
    private int messages;

    public Thread Entity => thread;

    public ThreadBuilder Reply(DateTimeOffset at)
    {
        thread.ApplyReply(at);
        pending.Add(new Reply { ThreadId = thread.Id, MessageId = $"{thread.Id}_m{++messages}", At = at });
        return this;
    }

    public ThreadBuilder ReplyAfterHours(double hours) => Reply(thread.CreatedAt.AddHours(hours));

    public ThreadBuilder Refund(DateTimeOffset at, RefundReason reason = RefundReason.SlaMiss, long? amount = null)
    {
        thread.ApplyRefund(at);
        pending.Add(new Refund
        {
            Id = $"{thread.Id}_r{++messages}", ThreadId = thread.Id, AmountMinor = amount ?? thread.AmountMinor, Currency = "EUR", Reason = reason, At = at,
        });
        return this;
    }

    public ThreadBuilder Flag(DateTimeOffset at)
    {
        pending.Add(new MessageFlag { ThreadId = thread.Id, MessageId = $"{thread.Id}_m{++messages}", Reason = "poor", At = at });
        return this;
    }
}
