using OpsBot.Chat;

namespace OpsBot.Ops;

/// <summary><c>/ops [topic]</c>: the ops team's own corner, one registered <see cref="IOpsTopic"/> per topic; no topic means help.</summary>
public sealed class OpsCommand : IChatCommand
{
    private readonly Dictionary<string, IOpsTopic> topics;

    public OpsCommand(IEnumerable<IOpsTopic> topics)
    {
        this.topics = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Spec = new CommandSpec("ops", "OpsBot itself: help and more",
        [
            new OptionSpec("topic", "What to show (default: help)", OptionKind.Choice, Choices: [.. this.topics.Keys]),
        ]);
    }

    public CommandSpec Spec { get; }

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) =>
        topics[context.Args.Text("topic") ?? HelpTopic.TopicName].ExecuteAsync(context, ct);
}
