using OpsBot.Chat;

namespace OpsBot.Ops;

/// <summary><c>/ops [topic]</c>: the ops team's own corner, one registered <see cref="IOpsTopic"/> per topic; no topic means help.</summary>
public sealed class OpsCommand : IChatCommand
{
    /// <summary>The optional word after the topic (<c>/ops nudges @mara</c>); a topic that takes none refuses it.</summary>
    public const string SubjectOption = "subject";

    private readonly Dictionary<string, IOpsTopic> topics;

    public OpsCommand(IEnumerable<IOpsTopic> topics)
    {
        this.topics = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Spec = new CommandSpec("ops", "OpsBot itself: help and more",
        [
            new OptionSpec("topic", "What to show (default: help)", OptionKind.Choice, Choices: [.. this.topics.Keys]),
            // Handle-shaped so "@mara" and a proposal id like "P-42" both fit; each topic says what it accepts.
            new OptionSpec(SubjectOption, "A creator (@handle) or a proposal id, for topics about one", OptionKind.Handle),
        ]);
    }

    public CommandSpec Spec { get; }

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        var topic = topics[context.Args.Text("topic") ?? HelpTopic.TopicName];
        if (!topic.TakesSubject && context.Args.Handle(SubjectOption) is { } subject)
            throw new CommandUsageException(Spec, ChatErrors.Unexpected, subject);
        return topic.ExecuteAsync(context, ct);
    }
}
