using System.Resources;

namespace OpsBot.Ops;

/// <summary>
/// A feature's resource file that may translate its commands' help. How help is localized, in one place:
/// a <see cref="Chat.CommandSpec"/> carries the English descriptions (they also go to the Slack manifest and
/// Discord registration); a feature's <c>XxxText.de.resx</c> may carry German ones under
/// <c>Command.&lt;command&gt;</c> and <c>Option.&lt;command&gt;.&lt;option&gt;</c>. Those keys live in the
/// German file only, so English has one source, the spec; help falls back to it for anything untranslated.
/// </summary>
public sealed record CommandHelpTexts(ResourceManager Resources)
{
    public const string CommandPrefix = "Command.", OptionPrefix = "Option.";

    public static string CommandKey(string command) => CommandPrefix + command;

    public static string OptionKey(string command, string option) => $"{OptionPrefix}{command}.{option}";
}

public static class CommandHelpTextsRegistration
{
    public static IServiceCollection AddCommandHelpTexts(this IServiceCollection services, ResourceManager resources) =>
        services.AddSingleton(new CommandHelpTexts(resources));
}
