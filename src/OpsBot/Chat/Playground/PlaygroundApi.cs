using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>
/// The JSON API the playground page talks to, under <c>/playground/api</c>. Every call names the identity
/// it acts as with <c>?as=</c>; bad input answers 400 or 404 with a <see cref="PlaygroundError"/> (in <c>OpsBot:Culture</c>)
/// and stores nothing.
/// </summary>
public static class PlaygroundApi
{
    public const string Prefix = "/playground/api";

    public static IEndpointRouteBuilder MapPlaygroundApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/texts", (OpsText text) => Json(PlaygroundText.ForPage(text)));
        api.MapGet("/identities", (IOptions<PlaygroundOptions> options) =>
            Json(options.Value.Identities.Select(i => new IdentityView(i.Id, i.Name, i.Role)).ToList()));
        api.MapGet("/commands", (ChatRegistry registry) =>
            Json(registry.Commands.Select(c => new CommandView(c.Name, c.Usage, c.Description)).ToList()));
        api.MapGet("/channels", async (PlaygroundChannel channels, CancellationToken ct) => Json(await channels.ListAsync(ct)));
        api.MapGet("/channels/{channel}/messages", ListMessagesAsync);
        api.MapPost("/channels/{channel}/commands", RunCommandAsync);
        api.MapPost("/messages/{id:long}/actions", PressAsync);
        api.MapPlaygroundDownloads();
        return app;
    }

    private static async Task<Results<JsonHttpResult<List<MessageView>>, BadRequest<PlaygroundError>, NotFound<PlaygroundError>>> ListMessagesAsync(
        string channel, [FromQuery(Name = "as")] string? identity, IOptions<PlaygroundOptions> options,
        PlaygroundChannel channels, PlaygroundHistory history, OpsText text, CancellationToken ct)
    {
        if (options.Value.Identity(identity) is not { } who) return UnknownIdentity(text, identity);
        if (!await channels.ExistsAsync(channel, ct)) return UnknownChannel(text, channel);
        return Json((await history.ListAsync(channel, who.Id, ct)).Select(MessageView.Of).ToList());
    }

    private static async Task<Results<JsonHttpResult<CommandRun>, BadRequest<PlaygroundError>, NotFound<PlaygroundError>>> RunCommandAsync(
        string channel, [FromQuery(Name = "as")] string? identity, CommandRequest request, IOptions<PlaygroundOptions> options,
        PlaygroundChannel channels, PlaygroundConversation conversation, OpsText text, CancellationToken ct)
    {
        if (options.Value.Identity(identity) is not { } who) return UnknownIdentity(text, identity);
        if (!await channels.ExistsAsync(channel, ct)) return UnknownChannel(text, channel);
        if (!CommandLine.TryParse(request.Text, out var line))
            return TypedResults.BadRequest(PlaygroundText.Error(text, "Error.NoCommand", CommandLine.MaxLength));
        var (echo, reply) = await conversation.RunCommandAsync(channel, who, line, ct);
        return Json(new CommandRun(MessageView.Of(echo), MessageView.Of(reply)));
    }

    private static async Task<Results<JsonHttpResult<PressResult>, BadRequest<PlaygroundError>, NotFound<PlaygroundError>>> PressAsync(
        long id, [FromQuery(Name = "as")] string? identity, PressRequest request, IOptions<PlaygroundOptions> options,
        PlaygroundHistory history, PlaygroundConversation conversation, OpsText text, CancellationToken ct)
    {
        if (options.Value.Identity(identity) is not { } who) return UnknownIdentity(text, identity);
        if (await history.FindAsync(id, who.Id, ct) is not { } pressed) return UnknownMessage(text, id);
        // Only buttons the message really carries can be pressed: the page cannot make up actions.
        if (!ChatMessageJson.Deserialize(pressed.Content).Buttons.Any(b => b.ActionId == request.ActionId))
            return TypedResults.BadRequest(PlaygroundText.Error(text, "Error.NoButton", id, request.ActionId));
        if (request.Input?.Length > ChatPrompt.MaxInput)
            return TypedResults.BadRequest(PlaygroundText.Error(text, "Error.InputTooLong", ChatPrompt.MaxInput));
        var (updated, reply, prompt) = await conversation.PressAsync(pressed, who, request.ActionId!, request.Input, ct);
        return Json(new PressResult(updated is null ? null : MessageView.Of(updated), reply is null ? null : MessageView.Of(reply), prompt));
    }

    /// <summary>With the playground's JSON options, so messages keep their block types and drop their bytes.</summary>
    internal static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, ChatMessageJson.Browser);

    internal static BadRequest<PlaygroundError> UnknownIdentity(OpsText text, string? identity) =>
        TypedResults.BadRequest(PlaygroundText.Error(text, "Error.UnknownIdentity", identity));

    internal static NotFound<PlaygroundError> UnknownMessage(OpsText text, long id) =>
        TypedResults.NotFound(PlaygroundText.Error(text, "Error.UnknownMessage", id));

    private static NotFound<PlaygroundError> UnknownChannel(OpsText text, string channel) =>
        TypedResults.NotFound(PlaygroundText.Error(text, "Error.UnknownChannel", channel));
}
