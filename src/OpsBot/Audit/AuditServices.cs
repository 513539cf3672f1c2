using OpsBot.Ops;

namespace OpsBot.Audit;

public static class AuditServices
{
    /// <summary>The append-only audit log every feature writes to, and <c>/ops audit</c> that reads it.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) =>
        services.AddScoped<AuditLog>().AddOpsTopic<AuditTopic>();
}
