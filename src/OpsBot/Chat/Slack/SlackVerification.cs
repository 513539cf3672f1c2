using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OpsBot.Http;

namespace OpsBot.Chat.Slack;

/// <summary>
/// The gate in front of every Slack endpoint: a body of at most 1 MiB (413), of the endpoint's content type
/// (415), signed by Slack within the last five minutes (401, no detail). Handlers only ever see a
/// <see cref="SlackInboundRequest"/>. The body is read once, as bytes, and parsed from those bytes, so no
/// buffering or model binding can change what was verified.
/// </summary>
public sealed class SlackVerification(string secret, TimeProvider clock, string mediaType) : IEndpointFilter
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string Json = "application/json";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (RawBody.AnnouncedTooLarge(request)) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!RawBody.IsOfType(request, mediaType)) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        if (await RawBody.ReadAsync(request, http.RequestAborted) is not { } body)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var form = mediaType == Form ? ParseForm(body) : new Dictionary<string, string>();
        // Slack's certificate probe on the commands URL: answered, and every other field ignored (as Bolt does).
        if (form?.GetValueOrDefault("ssl_check") == "1") return Results.Ok();
        if (!SlackSignature.Verify(secret, Single(request, SlackSignature.TimestampHeader), Single(request, SlackSignature.SignatureHeader), body, clock.GetUtcNow()))
            return Results.Unauthorized();
        if (form is null) return Results.BadRequest();

        http.Features.Set(new SlackInboundRequest(body, form));
        return await next(context);
    }

    /// <summary>A header sent twice is as good as missing: which one would Slack have meant?</summary>
    private static string? Single(HttpRequest request, string header) =>
        request.Headers.TryGetValue(header, out var values) && values.Count == 1 ? values[0] : null;

    /// <returns>The fields, or null for a body that is no form.</returns>
    private static Dictionary<string, string>? ParseForm(byte[] body)
    {
        try
        {
            return new FormReader(Encoding.UTF8.GetString(body)).ReadForm().ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
