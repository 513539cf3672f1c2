using System.ComponentModel.DataAnnotations;

namespace OpsBot.Nudges.Email;

/// <summary>
/// Email to creators without a chat identity (section <c>Email</c>): the Resend HTTP API when <c>Email:Resend:ApiKey</c>
/// is set, else SMTP when <c>Email:Smtp:Host</c> is set, else no email. Secrets come from configuration or the
/// environment and never appear in logs.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>OpsBot &lt;ops@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public ResendOptions Resend { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();

    public EmailTransportKind? Transport =>
        !string.IsNullOrWhiteSpace(Resend.ApiKey) ? EmailTransportKind.Resend
        : !string.IsNullOrWhiteSpace(Smtp.Host) ? EmailTransportKind.Smtp
        : null;

    public bool Configured => Transport is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(Resend.ApiKey) && !string.IsNullOrWhiteSpace(Smtp.Host))
            yield return new ValidationResult($"{Section}: set Email:Resend:ApiKey or Email:Smtp:Host, not both.", [nameof(Resend)]);
        if (Configured && string.IsNullOrWhiteSpace(From))
            yield return new ValidationResult($"{Section}:From is required to send email.", [nameof(From)]);
        if (Configured && !string.IsNullOrWhiteSpace(From) && !System.Net.Mail.MailAddress.TryCreate(From, out _))
            yield return new ValidationResult($"{Section}:From '{From}' is not an email address.", [nameof(From)]);
        if (Smtp.Port is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:Smtp:Port {Smtp.Port} is not a port.", [nameof(Smtp)]);
    }
}

public enum EmailTransportKind { Resend, Smtp }

public sealed class ResendOptions
{
    public string? ApiKey { get; set; }
    public Uri BaseUrl { get; set; } = new("https://api.resend.com");
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 with STARTTLS (<see cref="EnableSsl"/>); implicit TLS on 465 is not supported by System.Net.Mail.</summary>
    public int Port { get; set; } = 587;

    public string? User { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; } = true;
}
