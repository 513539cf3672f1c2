using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Answers waiting to be finished, bounded: when Slack users ask faster than OpsBot answers, the next one is
/// told OpsBot is busy rather than piling up work whose response_url expires before it is done.
/// </summary>
public sealed class SlackWorkQueue(IOptions<SlackInboundOptions> options)
{
    private readonly Channel<SlackWork> channel = Channel.CreateBounded<SlackWork>(options.Value.QueueCapacity);

    /// <returns>false when the queue is full; the work was not taken.</returns>
    public bool TryEnqueue(SlackWork work) => channel.Writer.TryWrite(work);

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
