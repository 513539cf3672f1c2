using OpsBot.Formatting;

namespace OpsBot.Chat.Playground;

/// <summary>The local playground (section <c>Playground</c>): the chat side when no Slack or Discord is configured.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>Unset: on exactly when neither Slack nor Discord is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The playground has no login, so it is only served on loopback addresses unless this is true
    /// (for a machine on a trusted network only).
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>Who one can act as. Empty: <see cref="DefaultIdentities"/>.</summary>
    public List<PlaygroundIdentity> Identities { get; set; } = [];

    public PlaygroundIdentity? Identity(string? id) => Identities.FirstOrDefault(i => i.Id == id);

    /// <summary>One of each role, so approvals, refusals and creator answers can all be tried out; named in <c>OpsBot:Culture</c>.</summary>
    public static IReadOnlyList<PlaygroundIdentity> DefaultIdentities(Texts texts) =>
    [
        new() { Id = "mara", Name = texts["Identity.Approver"], Role = PlaygroundRole.Approver },
        new() { Id = "jonas", Name = texts["Identity.Ops"], Role = PlaygroundRole.Ops },
        new() { Id = "creator", Name = texts["Identity.Creator"], Role = PlaygroundRole.Creator },
    ];

    /// <summary>The keys whose presence means a real chat platform is configured.</summary>
    public static IReadOnlyList<string> PlatformKeys { get; } = ["Slack:SigningSecret", "Slack:BotToken", "Discord:PublicKey", "Discord:BotToken"];
}

/// <summary>Someone to act as in the playground; commands and presses run as <c>ChatActor("playground", Id, Name)</c>.</summary>
public sealed class PlaygroundIdentity
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Approvers may decide on proposals; the other roles may not.</summary>
    public PlaygroundRole Role { get; set; } = PlaygroundRole.Ops;

    public ChatActor Actor => new(PlaygroundServices.Platform, Id, Name);
}

public enum PlaygroundRole { Ops, Approver, Creator }
