using Microsoft.EntityFrameworkCore;
using OpsBot.Data;

namespace OpsBot.Chat.Playground;

/// <summary>The playground's messages in the ops store, and who may see which.</summary>
public sealed class PlaygroundHistory(OpsDbContext db, TimeProvider clock)
{
    /// <summary>The newest messages a channel shows; older ones stay stored.</summary>
    public const int PageSize = 200;

    public static ChatActor Bot { get; } = new(PlaygroundServices.Platform, "opsbot", "OpsBot");

    /// <summary>Adds a message to save with <see cref="SaveAsync"/>.</summary>
    /// <param name="visibleTo">The one identity who sees it, or null for the whole channel.</param>
    public PlaygroundMessage Add(string channel, ChatActor author, string? visibleTo, ChatMessage message)
    {
        var stored = new PlaygroundMessage
        {
            Channel = channel,
            Author = author.Id,
            AuthorName = author.DisplayName,
            VisibleTo = visibleTo,
            CreatedAt = clock.GetUtcNow(),
            Content = ChatMessageJson.Serialize(message),
        };
        db.PlaygroundMessages.Add(stored);
        return stored;
    }

    /// <summary>Rewrites a message in place (a button press updated it): same place in the channel, new content.</summary>
    public void Replace(PlaygroundMessage stored, ChatMessage message)
    {
        // An action that wrote in its own transaction cleared the change tracker (StoreTransactions), detaching the
        // pressed message loaded before it: attached again, or the rewrite would silently not be saved.
        if (db.Entry(stored).State == EntityState.Detached) db.PlaygroundMessages.Attach(stored);
        stored.Content = ChatMessageJson.Serialize(message);
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>The channel as <paramref name="identityId"/> sees it, oldest first: public messages and their own private ones.</summary>
    public async Task<List<PlaygroundMessage>> ListAsync(string channel, string identityId, CancellationToken ct)
    {
        var newest = await Visible(identityId)
            .Where(m => m.Channel == channel)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(PageSize)
            .AsNoTracking()
            .ToListAsync(ct);
        newest.Reverse();
        return newest;
    }

    /// <summary>The message if <paramref name="identityId"/> may see it; someone else's private answer is as good as absent.</summary>
    public Task<PlaygroundMessage?> FindAsync(long id, string identityId, CancellationToken ct) =>
        Visible(identityId).FirstOrDefaultAsync(m => m.Id == id, ct);

    private IQueryable<PlaygroundMessage> Visible(string identityId) =>
        db.PlaygroundMessages.Where(m => m.VisibleTo == null || m.VisibleTo == identityId);
}
