namespace OpsBot.Metrics;

public static class MetricsServices
{
    /// <summary>
    /// The metric queries, scoped like the <see cref="Data.OpsDbContext"/> they read. Not "AddMetrics":
    /// that name is taken by Microsoft.Extensions.Diagnostics (System.Diagnostics.Metrics).
    /// </summary>
    public static IServiceCollection AddOpsMetrics(this IServiceCollection services)
    {
        services.AddScoped<CreatorLookup>();
        services.AddScoped<SlaQuery>();
        services.AddScoped<ReplyTimeQuery>();
        services.AddScoped<GmvQuery>();
        services.AddScoped<RefundQuery>();
        services.AddScoped<FunnelQuery>();
        services.AddScoped<ReferralQuery>();
        services.AddScoped<CreatorOutliersQuery>();
        services.AddScoped<HighRefundRateQuery>();
        services.AddScoped<RadarQuery>();
        services.AddScoped<DigestQuery>();
        services.AddScoped<CreatorCardQuery>();
        return services;
    }
}
