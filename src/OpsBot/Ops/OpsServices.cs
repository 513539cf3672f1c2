using OpsBot.Chat;

namespace OpsBot.Ops;

public static class OpsServices
{
    /// <summary><c>/ops</c> with its <c>help</c> topic; other features add topics with AddOpsTopic.</summary>
    public static IServiceCollection AddOps(this IServiceCollection services)
    {
        services.AddChatCommand<OpsCommand>();
        services.AddOpsTopic<HelpTopic>();
        services.AddCommandHelpTexts(OpsCommandText.Resources);
        return services;
    }
}
