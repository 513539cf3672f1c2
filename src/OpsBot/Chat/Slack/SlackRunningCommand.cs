namespace OpsBot.Chat.Slack;

/// <summary>
/// A slash command started while Slack waits for the acknowledgement. It runs in a DI scope of its own, not the
/// request's, so it can outlive the request; the request waits for it briefly and the work queue finishes it,
/// both awaiting the same <see cref="Reply"/>, so a command never runs twice.
/// </summary>
public sealed class SlackRunningCommand
{
    private readonly CancellationTokenSource cancel;
    private readonly System.Threading.Lock gate = new();
    private bool finished;

    private SlackRunningCommand(IServiceScopeFactory scopes, ChatInvocation invocation, CancellationTokenSource cancel)
    {
        this.cancel = cancel;
        Reply = RunAsync(scopes, invocation);
    }

    public Task<ChatReply> Reply { get; }

    /// <param name="timeout">After this the command is cancelled: nobody is waiting for it any more.</param>
    /// <param name="stopping">The host is stopping.</param>
    public static SlackRunningCommand Start(IServiceScopeFactory scopes, ChatInvocation invocation, TimeSpan timeout, CancellationToken stopping)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        cancel.CancelAfter(timeout);
        return new SlackRunningCommand(scopes, invocation, cancel);
    }

    /// <summary>
    /// The reply if it is ready within <paramref name="budget"/>, else null (the command keeps running). Measured on
    /// the wall clock, not the injected business clock: Slack's three seconds are real seconds, even in tests.
    /// </summary>
    public async Task<ChatReply?> WaitAsync(TimeSpan budget)
    {
        try
        {
            return await Reply.WaitAsync(budget);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Nobody will deliver the reply (no response_url, or the queue is full): stop the work.</summary>
    public void Abandon()
    {
        lock (gate)
            if (!finished) cancel.Cancel();
    }

    private async Task<ChatReply> RunAsync(IServiceScopeFactory scopes, ChatInvocation invocation)
    {
        try
        {
            // Off the request's thread at once: a handler that computes before its first await must not eat the budget.
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ChatDispatcher>().RunCommandAsync(invocation, cancel.Token);
        }
        finally
        {
            lock (gate)
            {
                finished = true;
                cancel.Dispose();
            }
        }
    }
}
