using OpsBot.Chat;
using OpsBot.Ops;

namespace OpsBot.Creators;

public static class CreatorServices
{
    /// <summary><c>/creator</c>, the <c>creator.show</c> button, and the card other features (the radar) show.</summary>
    public static IServiceCollection AddCreators(this IServiceCollection services)
    {
        services.AddScoped<CreatorCardMessage>();
        services.AddScoped<CreatorCards>();
        services.AddChatCommand<CreatorCommand>();
        services.AddChatAction<ShowCreatorAction>();
        services.AddCommandHelpTexts(CreatorText.Resources);
        return services;
    }
}
