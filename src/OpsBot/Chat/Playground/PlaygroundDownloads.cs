using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>Images and attached files of stored messages, by message id and index, for the identity who can see them.</summary>
public static class PlaygroundDownloads
{
    public static RouteGroupBuilder MapPlaygroundDownloads(this RouteGroupBuilder api)
    {
        api.MapGet("/messages/{id:long}/images/{index:int}", ImageAsync);
        api.MapGet("/messages/{id:long}/files/{index:int}", FileAsync);
        return api;
    }

    /// <param name="index">The image block's index among the message's blocks.</param>
    private static async Task<Results<FileContentHttpResult, BadRequest<PlaygroundError>, NotFound<PlaygroundError>>> ImageAsync(
        long id, int index, [FromQuery(Name = "as")] string? identity, IOptions<PlaygroundOptions> options, PlaygroundHistory history,
        OpsText text, CancellationToken ct)
    {
        if (options.Value.Identity(identity) is not { } who) return PlaygroundApi.UnknownIdentity(text, identity);
        if (await history.FindAsync(id, who.Id, ct) is not { } stored) return PlaygroundApi.UnknownMessage(text, id);
        var blocks = ChatMessageJson.Deserialize(stored.Content).Blocks;
        if (blocks.ElementAtOrDefault(index) is not ImageBlock image) return TypedResults.NotFound(PlaygroundText.Error(text, "Error.NoImage", id, index));
        return TypedResults.File(image.Png, "image/png");
    }

    /// <summary>Always as an attachment: a file's content type comes from a handler, and must never render as a page here.</summary>
    private static async Task<Results<FileContentHttpResult, BadRequest<PlaygroundError>, NotFound<PlaygroundError>>> FileAsync(
        long id, int index, [FromQuery(Name = "as")] string? identity, IOptions<PlaygroundOptions> options, PlaygroundHistory history,
        OpsText text, CancellationToken ct)
    {
        if (options.Value.Identity(identity) is not { } who) return PlaygroundApi.UnknownIdentity(text, identity);
        if (await history.FindAsync(id, who.Id, ct) is not { } stored) return PlaygroundApi.UnknownMessage(text, id);
        var files = ChatMessageJson.Deserialize(stored.Content).Files;
        if (files.ElementAtOrDefault(index) is not { } file) return TypedResults.NotFound(PlaygroundText.Error(text, "Error.NoFile", id, index));
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }
}
