using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpsBot.Chat.Slack;

/// <summary>
/// Slack's request signing (chat-protocols.md A1): <c>X-Slack-Signature: v0=</c> and the lowercase hex of
/// HMAC-SHA256 over <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, keyed with the app's signing secret.
/// The timestamp must be within five minutes of now either way, so a captured request cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>The only version Slack signs with today; any other is refused, never guessed at.</summary>
    private const string Version = "v0";

    /// <param name="rawBody">The body exactly as received: a parsed and re-serialized body would not match.</param>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret) || timestampHeader is null || signatureHeader is null) return false;
        if (!signatureHeader.StartsWith(Version + "=", StringComparison.Ordinal)) return false;
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Window.TotalSeconds) return false;

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestampHeader}:"));
        hmac.AppendData(rawBody);
        var expected = Encoding.ASCII.GetBytes($"{Version}={Convert.ToHexStringLower(hmac.GetHashAndReset())}");
        // Constant time, so an attacker cannot learn how many leading characters were right; false on a length mismatch.
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
