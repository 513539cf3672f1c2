using OpsBot.Chat;
using OpsBot.Ops;

namespace OpsBot.Proposals.ByHand;

public static class ByHandServices
{
    /// <summary><c>/propose</c>, the "Propose …" buttons (creator card, radar) and the flag card's buttons.</summary>
    public static IServiceCollection AddProposalsByHand(this IServiceCollection services)
    {
        services.AddScoped<ProposalReplies>();
        services.AddScoped<ManualProposals>();
        services.AddScoped<ProposeButtons>();
        services.AddChatCommand<ProposeCommand>();
        services.AddChatAction<ProposeAction>();
        services.AddChatAction<ProposeRefundForFlagAction>();
        services.AddChatAction<DismissFlagAction>();
        services.AddCommandHelpTexts(ByHandText.Resources);
        return services;
    }
}
