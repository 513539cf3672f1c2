using Microsoft.Net.Http.Headers;

namespace OpsBot.Http;

/// <summary>
/// The exact bytes a signed webhook (the platform feed, Slack) sent: signatures are checked over these
/// bytes and the same bytes are parsed, so what is acted on is exactly what was signed.
/// </summary>
public static class RawBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>More than <see cref="MaxBytes"/> announced: refuse before reading (413).</summary>
    public static bool AnnouncedTooLarge(HttpRequest request) => request.ContentLength > MaxBytes;

    /// <returns>The body, or null when it is longer than <see cref="MaxBytes"/> (413). Content-Length may be
    /// absent (chunked), so the read itself is capped too.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The content type's media type, parameters (charset) ignored.</summary>
    public static bool IsOfType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var media) && media.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
