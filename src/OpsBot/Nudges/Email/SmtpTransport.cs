using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace OpsBot.Nudges.Email;

/// <summary>
/// SMTP through System.Net.Mail (no extra package): a plain-text body with an HTML alternative. SMTP has no idempotency
/// key, so the Message-ID is derived from the outbox key: a mail the outbox had to send again carries the same id, and
/// mail clients show it once. STARTTLS when <c>Email:Smtp:EnableSsl</c> (port 587).
/// </summary>
public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task<string> SendAsync(EmailMessage email, CancellationToken ct)
    {
        var settings = options.Value;
        var messageId = MessageId(email.Key, settings.From!);
        using var mail = new MailMessage(new MailAddress(settings.From!), new MailAddress(email.To))
        {
            Subject = email.Subject,
            Body = email.Text,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.Headers.Add("Message-ID", messageId);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.Html, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        using var client = new SmtpClient(settings.Smtp.Host!, settings.Smtp.Port) { EnableSsl = settings.Smtp.EnableSsl };
        if (!string.IsNullOrWhiteSpace(settings.Smtp.User))
            client.Credentials = new NetworkCredential(settings.Smtp.User, settings.Smtp.Password);
        try
        {
            await client.SendMailAsync(mail, ct);
        }
        catch (SmtpException e)
        {
            // SmtpException's message is the server's reply; it never contains the password.
            throw new EmailNotSentException($"SMTP {settings.Smtp.Host}:{settings.Smtp.Port} refused the email: {e.StatusCode}: {e.Message}");
        }
        return messageId;
    }

    /// <summary>A stable Message-ID per outbox key, at the sender's domain (RFC 5322: id-left "@" id-right).</summary>
    public static string MessageId(string key, string from)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];
        var domain = new MailAddress(from).Host;
        return $"<opsbot.{hash}@{domain}>";
    }
}
