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
        // The trigger_id lives about 3 seconds from the press: the modal opens before anything else is sent.
        if (result.Prompt is { } prompt) await services.GetRequiredService<SlackPrompts>().OpenAsync(action, prompt, target, ct);
        await services.GetRequiredService<ISlackResponder>().ApplyAsync(target, result, originalIsPublic: !action.OnEphemeral, ct);
    }
}

/// <summary>
/// What a prompt's submit action answered, after the modal closed. A view_submission has no response_url, so the reply
/// goes as an ephemeral message in the prompt's channel and the rewrite through chat.update (text and blocks only:
/// neither can carry files).
/// </summary>
public sealed class SlackPromptReplyWork(ActionResult result, SlackPromptContext context, string userId) : SlackWork($"{context.SubmitActionId} by {userId}")
{
    public override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var api = services.GetRequiredService<SlackApi>();
        var renderer = services.GetRequiredService<SlackRenderer>();
        var fitter = services.GetRequiredService<Rendering.MessageFitter>();
        SlackPayload Render(ChatMessage m) => renderer.Render(fitter.Fit(m with { Files = [] }, Rendering.MessageLimits.Slack));
        if (result.UpdateOriginal is { } update && context.MessageTs is { } ts) await api.UpdateMessageAsync(context.ChannelId, ts, Render(update), ct);
        if (result.Reply is { } reply) await api.PostEphemeralAsync(context.ChannelId, userId, Render(reply), ct);
    }
}
