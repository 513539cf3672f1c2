using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Answers from Slack kept for a while, timed by the injected clock. Only answers are kept, never failures.
/// An expired entry stays until it is replaced: there is one key per approver group or creator email, so it stays small.
/// </summary>
internal sealed class SlackDirectoryCache<TKey, TValue>(TimeProvider clock) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> entries = new();

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var found = entries.TryGetValue(key, out var entry) && clock.GetUtcNow() < entry.Until;
        value = found ? entry.Value : default;
        return found;
    }

    public void Set(TKey key, TValue value, TimeSpan keepFor) => entries[key] = (value, clock.GetUtcNow() + keepFor);
}
