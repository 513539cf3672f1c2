using OpsBot.Chat;
using OpsBot.Formatting;

namespace OpsBot.Ops;

/// <summary><c>/ops help</c>: every registered command with its usage and options, generated from the registry so it cannot drift.</summary>
/// <param name="services">
/// The scope's services, to reach the <see cref="ChatRegistry"/> when help runs: injecting the registry
/// would be a cycle (registry → commands → /ops → topics → this).
/// </param>
public sealed class HelpTopic(IServiceProvider services, IEnumerable<CommandHelpTexts> translations, OpsText text) : IOpsTopic
{
    public const string TopicName = "help";

    public string Name => TopicName;

    private Texts T => text.Of(OpsCommandText.Resources);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        var registry = services.GetRequiredService<ChatRegistry>();
        var header = T["Help.Header"];
        var blocks = new List<MessageBlock> { new HeaderBlock(header) };
        foreach (var spec in registry.Commands)
        {
            var entry = T.Rich("Help.Command", spec.Usage, Translated(CommandHelpTexts.CommandKey(spec.Name)) ?? spec.Description);
            foreach (var option in spec.Options)
            {
                var description = Translated(CommandHelpTexts.OptionKey(spec.Name, option.Name)) ?? option.Description;
                entry = entry.Append(RichText.Plain("\n")).Append(T.Rich("Help.Option", option.Name, description));
            }
            blocks.Add(new TextBlock(entry));
        }
        blocks.Add(new ContextBlock(T.Rich("Help.Public", OptionSpec.Public.Name)));
        return Task.FromResult(new ChatMessage(header, [.. blocks], []));
    }

    private string? Translated(string key) => translations.Select(t => text.Of(t.Resources).Find(key)).FirstOrDefault(d => d is not null);
}
