using OpsBot.Chat;

namespace OpsBot.Proposals.Decisions;

public static class DecisionServices
{
    /// <summary>Approve and Reject on the approval card, who may press them, and the expiry sweep step.</summary>
    public static IServiceCollection AddProposalDecisions(this IServiceCollection services)
    {
        services.AddScoped<IApproverCheck, SlackApproverCheck>();
        services.AddScoped<IApproverCheck, PlaygroundApproverCheck>();
        services.AddScoped<Approvers>();
        services.AddScoped<ProposalClosing>();
        services.AddScoped<ProposalPress>();
        services.AddChatAction<ApproveProposalAction>();
        services.AddChatAction<RejectProposalAction>();
        services.AddProposalSweepStep<ProposalExpiry>();
        return services;
    }
}
