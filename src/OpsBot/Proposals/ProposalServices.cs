using OpsBot.Proposals.Execution;
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
        services.AddExecution();
        return services;
    }
}
