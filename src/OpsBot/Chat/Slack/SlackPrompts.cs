using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Formatting;

namespace OpsBot.Chat.Slack;

/// <summary>
/// <see cref="ChatPrompt"/>s in Slack: opened as a modal with the press's trigger_id, answered by a <c>view_submission</c>
/// that runs the prompt's submit action with the typed line. The modal's private_metadata carries what the submission
/// needs (the submit action, the channel and the pressed message); Slack returns it unchanged and the request is signed.
/// </summary>
public sealed class SlackPrompts(
    SlackApi api, SlackRenderer renderer, ISlackResponder responder, ChatDispatcher dispatcher, SlackWorkQueue queue, OpsText text, ILogger<SlackPrompts> log)
{
    /// <summary>Opens the modal; a trigger Slack no longer takes (over 3 seconds old) gets the presser a "press again".</summary>
    public async Task OpenAsync(SlackBlockAction press, ChatPrompt prompt, SlackResponseTarget target, CancellationToken ct)
    {
        // An ephemeral message cannot be edited with chat.update, so the submission does not try.
        var context = new SlackPromptContext(prompt.SubmitActionId, press.ChannelId, press.OnEphemeral ? null : press.MessageTs);
        if (press.TriggerId is { } trigger && await TryOpenAsync(trigger, renderer.Modal(prompt, context.Serialize()), press, ct)) return;
        var retry = text.Of(SlackText.Resources).Rich("Prompt.NotOpened");
        await responder.ApplyAsync(target, new ActionResult(Reply: new ChatMessage(retry.ToString(), new TextBlock(retry))), originalIsPublic: !press.OnEphemeral, ct);
    }

    private async Task<bool> TryOpenAsync(string trigger, JsonObject view, SlackBlockAction press, CancellationToken ct)
    {
        try
        {
            await api.OpenViewAsync(trigger, view, ct);
            return true;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            log.LogWarning(e, "Prompt for {Action} by {User} not opened", press.ActionId, press.Actor.Id);
            return false;
        }
    }

    /// <summary>
    /// Runs the submit action with the typed line and answers Slack within its 3 seconds: the refusal of the line as an
    /// error under the input (the modal stays open, nothing changed), else an empty 200 that closes the modal; the reply
    /// and any rewrite of the pressed message follow through the <see cref="SlackWorker"/>.
    /// </summary>
    public async Task<IResult> SubmitAsync(JsonElement payload, CancellationToken ct)
    {
        // Someone else's modal (another app feature, a future one): acknowledged, as Slack expects, and left alone.
        if (payload.String("view", "callback_id") != SlackRenderer.PromptCallbackId) return Results.Ok();
        if (payload.String("user", "id") is not { } userId || SlackPromptContext.Parse(payload.String("view", "private_metadata")) is not { } context)
            return Results.BadRequest();
        var actor = new ChatActor(SlackInboundServices.Platform, userId, payload.String("user", "name") ?? payload.String("user", "username") ?? userId);
        var line = payload.String("view", "state", "values", SlackRenderer.PromptBlockId, SlackRenderer.PromptInputId, "value") ?? "";

        var result = await dispatcher.RunActionAsync(context.SubmitActionId, actor, context.ChannelId, context.MessageTs, ct, line);
        if (result.Prompt is { } again) return Answer(again, context);
        if ((result.Reply ?? result.UpdateOriginal) is not null && !queue.TryEnqueue(new SlackPromptReplyWork(result, context, userId)))
            log.LogWarning("Reply to {User}'s prompt for {Action} dropped: the Slack work queue is full", userId, context.SubmitActionId);
        return Results.Ok();
    }

    /// <summary>The line refused: shown under the input, what was typed kept. A new question: the modal becomes it.</summary>
    private IResult Answer(ChatPrompt again, SlackPromptContext context)
    {
        var body = again.Problem is { Length: > 0 } problem
            ? new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [SlackRenderer.PromptBlockId] = problem } }
            : new JsonObject { ["response_action"] = "update", ["view"] = renderer.Modal(again, (context with { SubmitActionId = again.SubmitActionId }).Serialize()) };
        return Results.Content(body.ToJsonString(), "application/json");
    }
}

/// <summary>What a prompt's submission needs, kept in the modal's private_metadata (at most 3000 characters).</summary>
/// <param name="MessageTs">The pressed message, when chat.update can edit it.</param>
public sealed record SlackPromptContext(string SubmitActionId, string ChannelId, string? MessageTs)
{
    public const int MaxLength = 3000;

    public string Serialize()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string?> { ["a"] = SubmitActionId, ["c"] = ChannelId, ["m"] = MessageTs });
        return json.Length <= MaxLength ? json : throw new ArgumentException($"A prompt's context is at most {MaxLength} characters; this one is {json.Length}.");
    }

    /// <returns>The context, or null when the metadata is not one OpsBot wrote.</returns>
    public static SlackPromptContext? Parse(string? metadata)
    {
        if (metadata is null || metadata.Length > MaxLength || SlackJson.Parse(System.Text.Encoding.UTF8.GetBytes(metadata)) is not { } json) return null;
        return json.String("a") is { } action && json.String("c") is { } channel ? new SlackPromptContext(action, channel, json.String("m")) : null;
    }
}
