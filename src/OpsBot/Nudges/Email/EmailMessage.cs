namespace OpsBot.Nudges.Email;

/// <summary>One email as the transports send it.</summary>
/// <param name="Key">The outbox key: Resend's Idempotency-Key, and the SMTP Message-ID, so a retry is recognised.</param>
public sealed record EmailMessage(string Key, string To, string Subject, string Text, string Html);

/// <summary>How an email leaves OpsBot: Resend or SMTP.</summary>
public interface IEmailTransport
{
    /// <returns>The provider's id of the sent email (Resend's id, the SMTP Message-ID).</returns>
    Task<string> SendAsync(EmailMessage email, CancellationToken ct);
}
