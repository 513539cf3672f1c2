namespace OpsBot.Chat.Slack;

/// <summary>An answer to finish after the acknowledgement, run by the <see cref="SlackWorker"/> in a fresh DI scope.</summary>
public abstract class SlackWork(string what)
{
    /// <summary>For the log: which command or button, by whom.</summary>
    public string What { get; } = what;

    public abstract Task RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>A slash command that was still running at the acknowledgement (or had files): its reply goes through the response_url.</summary>
public sealed class SlackCommandWork(SlackRunningCommand running, SlackResponseTarget target, string what) : SlackWork(what)
{
    public override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var reply = await running.Reply.WaitAsync(ct);
        await services.GetRequiredService<ISlackResponder>().DeliverAsync(target, reply, ct);
    }
}

/// <summary>A button press, run after the acknowledgement (Slack ignores the acknowledgement's body for buttons).</summary>
public sealed class SlackActionWork(SlackBlockAction action, DateTimeOffset receivedAt) : SlackWork($"{action.ActionId} by {action.Actor.Id}")
{
    public override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<ChatDispatcher>().RunActionAsync(action.ActionId, action.Actor, action.ChannelId, action.MessageTs, ct);
        var target = new SlackResponseTarget(action.ResponseUrl, action.ChannelId, action.Actor.Id, receivedAt);
        await services.GetRequiredService<ISlackResponder>().ApplyAsync(target, result, originalIsPublic: !action.OnEphemeral, ct);
    }
}
