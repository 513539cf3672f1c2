namespace OpsBot.Platform;

/// <summary>How OpsBot talks to the platform (section <c>Platform</c>).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// Shared secret the platform signs <c>POST /platform/events</c> with. Unset → the endpoint is not
    /// mapped at all (fails closed: an unsigned feed is never accepted).
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where platform actions (refund, ban) go. The event feed does not use it.</summary>
    public PlatformMode Mode { get; set; } = PlatformMode.Embedded;

    /// <summary>Base URL of the platform's API when <see cref="Mode"/> is <c>Http</c>.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Bearer token for the platform's API when <see cref="Mode"/> is <c>Http</c>.</summary>
    public string? ApiToken { get; set; }
}

/// <summary><c>Embedded</c>: actions are only recorded in the ops store; <c>Http</c>: sent to the platform's API.</summary>
public enum PlatformMode { Embedded, Http }
