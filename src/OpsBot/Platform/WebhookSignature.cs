using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpsBot.Platform;

/// <summary>
/// Checks <c>X-OpsBot-Signature: v1=&lt;hex HMAC-SHA256 of "{timestamp}.{raw body}"&gt;</c>. The
/// timestamp is signed too and must be within five minutes of now, so a captured request cannot be
/// replayed later; redelivery inside the window is harmless because event ids are idempotent.
/// </summary>
public sealed class WebhookSignature(string secret, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public const string TimestampHeader = "X-OpsBot-Timestamp";
    public const string SignatureHeader = "X-OpsBot-Signature";

    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (timestamp is null || signature is null) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Window.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        // Constant time: an attacker must not learn how many leading characters were right.
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>The header value the platform sends: <c>v1=</c> and lowercase hex.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return "v1=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
