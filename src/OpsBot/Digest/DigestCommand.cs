using OpsBot.Chat;

namespace OpsBot.Digest;

/// <summary><c>/digest daily|weekly [public]</c>: yesterday's or the last 7 days' digest, on demand.</summary>
public sealed class DigestCommand(DigestMessages messages) : IChatCommand
{
    public static readonly CommandSpec Definition = new("digest", "The daily (yesterday) or weekly (last 7 days) digest",
        [new OptionSpec("kind", "daily or weekly", OptionKind.Choice, Required: true, Choices: ["daily", "weekly"])]);

    public CommandSpec Spec => Definition;

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) =>
        context.Args.Text("kind") == "weekly" ? messages.WeeklyAsync(ct: ct) : messages.DailyAsync(ct: ct);
}
