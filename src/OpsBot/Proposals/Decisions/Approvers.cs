using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;

namespace OpsBot.Proposals.Decisions;

/// <summary>Who may decide on proposals on one chat platform (<see cref="ChatActor.Platform"/>).</summary>
public interface IApproverCheck
{
    string Platform { get; }

    Task<bool> IsApproverAsync(ChatActor actor, CancellationToken ct);
}

/// <summary>
/// Asks the check of the presser's platform. A platform without one has no approvers: Discord, until its adapter
/// brings a role check (chat-protocols.md B8). Money moves only on a yes, so anything unknown is a no.
/// </summary>
public sealed class Approvers(IEnumerable<IApproverCheck> checks)
{
    public Task<bool> IsApproverAsync(ChatActor actor, CancellationToken ct) =>
        checks.FirstOrDefault(c => c.Platform == actor.Platform) is { } check ? check.IsApproverAsync(actor, ct) : Task.FromResult(false);
}

/// <summary>Slack: listed in <c>Slack:Approvers</c> or a member of <c>Slack:ApproverGroup</c>.</summary>
public sealed class SlackApproverCheck(SlackDirectory directory) : IApproverCheck
{
    public string Platform => SlackInboundServices.Platform;

    public Task<bool> IsApproverAsync(ChatActor actor, CancellationToken ct) => directory.IsApproverAsync(actor.Id, ct);
}

/// <summary>The playground: an identity whose role is Approver (<c>Playground:Identities</c>; by default mara).</summary>
public sealed class PlaygroundApproverCheck(IOptions<PlaygroundOptions> options) : IApproverCheck
{
    public string Platform => PlaygroundServices.Platform;

    public Task<bool> IsApproverAsync(ChatActor actor, CancellationToken ct) =>
        Task.FromResult(options.Value.Identity(actor.Id)?.Role == PlaygroundRole.Approver);
}
