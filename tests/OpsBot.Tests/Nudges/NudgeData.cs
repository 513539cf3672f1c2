using Microsoft.EntityFrameworkCore;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using Thread = OpsBot.Data.Thread;

namespace OpsBot.Tests.Nudges;

/// <summary>Creators and threads for nudge tests, written straight into a real SQLite file, and what the sweeps left there.</summary>
internal static class NudgeData
{
    public static Creator Creator(string id, string handle, string? slackUserId = null, string? email = null, string? locale = null, string? timeZone = null) => new()
    {
        Id = id, Handle = handle, HandleKey = handle.ToLowerInvariant(), DisplayName = handle, Currency = "EUR",
        SlackUserId = slackUserId, Email = email, Locale = locale, TimeZone = timeZone,
    };

    /// <summary>An open thread created two days before its deadline.</summary>
    public static Thread Thread(string id, string creatorId, DateTimeOffset deadline, long amountMinor = 2999) => new()
    {
        Id = id, CreatorId = creatorId, FanId = "fan-" + id, Currency = "EUR", AmountMinor = amountMinor,
        CreatedAt = deadline - TimeSpan.FromDays(2), DeadlineAt = deadline, AllowedMs = (long)TimeSpan.FromDays(2).TotalMilliseconds,
    };

    public static async Task AddAsync(this TestDatabase database, params object[] entities)
    {
        await using var db = database.NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public static async Task AnswerAsync(this TestDatabase database, string threadId, DateTimeOffset at)
    {
        await using var db = database.NewContext();
        (await db.Threads.SingleAsync(t => t.Id == threadId)).ApplyReply(at);
        await db.SaveChangesAsync();
    }

    public static async Task<List<Nudge>> NudgesAsync(this TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Nudges.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>The outbox items other than alerts about parked messages, in order.</summary>
    public static async Task<List<OutboxMessage>> OutboxAsync(this TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }
}
