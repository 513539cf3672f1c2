using OpsBot.Formatting;

namespace OpsBot.Chat;

public static class ChatServices
{
    /// <summary>The conversation core. Features add their commands and actions with AddChatCommand/AddChatAction.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton<OpsText>();
        services.AddScoped<ChatRegistry>();
        services.AddScoped<ChatDispatcher>();
        return services;
    }
}
