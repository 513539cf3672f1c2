namespace OpsBot.Audit;

public static class AuditServices
{
    /// <summary>The append-only audit log every feature writes to.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
