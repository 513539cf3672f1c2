namespace OpsBot.Proposals.Playbooks;

public static class PlaybookServices
{
    /// <summary>
    /// The playbooks as proposal sweep steps (section <c>Proposals:Playbooks</c>), in this order: a refund review comes
    /// before the bare SLA miss of the same thread, so the proposal carries the platform's note.
    /// </summary>
    public static IServiceCollection AddPlaybooks(this IServiceCollection services)
    {
        services.AddOptions<PlaybookOptions>().BindConfiguration(PlaybookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PlaybookProposer>();
        services.AddScoped<FlagCard>();
        services.AddScoped<CreatorFlags>();
        services.AddProposalSweepStep<RefundReviewStep>();
        services.AddProposalSweepStep<SlaMissStep>();
        services.AddProposalSweepStep<RepeatedMissesStep>();
        services.AddProposalSweepStep<HighRefundRateStep>();
        services.AddProposalSweepStep<SystematicFlagsStep>();
        services.AddProposalSweepStep<FlagCardStep>();
        return services;
    }
}
