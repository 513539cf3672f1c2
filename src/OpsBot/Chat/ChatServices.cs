using OpsBot.Chat.Rendering;
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
        services.AddHostedService<ChatRegistryCheck>();
        services.AddSingleton<PlainTextRenderer>();
        services.AddSingleton<MessageFitter>();
        return services;
    }
}
