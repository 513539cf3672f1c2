using Microsoft.Extensions.Options;
using OpsBot.Formatting;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Answers a slash command within Slack's three seconds, always: a quick text answer goes back as the HTTP body;
/// a slow one, or one with charts or files, is acknowledged with an empty 200 and finished through the
/// response_url by the <see cref="SlackWorker"/>, while the command keeps running.
/// </summary>
public sealed class SlackCommandAck(
    IServiceScopeFactory scopes, SlackWorkQueue queue, ISlackResponder responder, OpsText text, TimeProvider clock,
    IHostApplicationLifetime lifetime, IOptions<SlackInboundOptions> options, ILogger<SlackCommandAck> log)
{
    public async Task<IResult> AckAsync(SlackSlashCommand command)
    {
        var settings = options.Value;
        var running = SlackRunningCommand.Start(scopes, command.Invocation, settings.WorkTimeout, lifetime.ApplicationStopping);
        if (await running.WaitAsync(settings.InlineAckBudget) is { } reply && responder.Inline(reply) is { } inline)
            return Results.Json(inline);

        var target = new SlackResponseTarget(command.ResponseUrl, command.ChannelId, command.UserId, clock.GetUtcNow());
        if (command.ResponseUrl is not null && queue.TryEnqueue(new SlackCommandWork(running, target, $"/{command.Name} by {command.UserId}")))
            return Results.Ok();

        running.Abandon();
        var problem = command.ResponseUrl is null ? "Undeliverable" : "Busy";
        log.LogWarning("/{Command} by {User} abandoned: {Problem}", command.Name, command.UserId, problem);
        return Results.Json(Private(problem));
    }

    /// <summary>Text only, so it always fits inline.</summary>
    private System.Text.Json.Nodes.JsonObject Private(string key)
    {
        var problem = text.Of(SlackInboundText.Resources).Rich(key);
        var message = new ChatMessage(problem.ToString(), new TextBlock(problem));
        return responder.Inline(new ChatReply(message, Public: false)) ?? throw new InvalidOperationException("A text-only reply must render inline.");
    }
}
