using OpsBot.Proposals.ByHand;
using OpsBot.Proposals.Decisions;
using OpsBot.Proposals.Execution;
using OpsBot.Proposals.Playbooks;
using OpsBot.Schedules;

namespace OpsBot.Proposals;

public static class ProposalServices
{
    /// <summary>Proposals (section <c>Proposals</c>) and their approval card.</summary>
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddOptions<ProposalOptions>().BindConfiguration(ProposalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ProposalCases>();
        services.AddScoped<ProposalCard>();
        services.AddScoped<ProposalBook>();
        services.AddScheduledJob<ProposalSweepJob>();
        // Decisions first: its expiry step must run before the playbooks, so an expired case is proposed again in the same sweep.
        services.AddProposalDecisions();
        services.AddPlaybooks();
        services.AddProposalsByHand();
        services.AddExecution();
        return services;
    }
}
