using Coravel;
using OpsBot.Ops;

namespace OpsBot.Schedules;

public static class ScheduleServices
{
    /// <summary>
    /// Schedules (section <c>Schedules</c>), the exactly-once runner with its Coravel pulse, and <c>/ops schedule</c>.
    /// Jobs register themselves with <see cref="ScheduledJobs.AddScheduledJob{T}"/>; a schedule without a job runs nothing.
    /// </summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ScheduleOptions>().Bind(config.GetSection(ScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScheduleCalendar>();
        services.AddSingleton(ScheduleInstance.New());
        services.AddScoped<JobClaims>();
        services.AddScoped<JobAlerts>();
        services.AddScoped<JobRecords>();
        services.AddSingleton<JobRunner>();
        services.AddScheduler();
        services.AddTransient<ScheduleTick>();
        services.AddHostedService<ScheduleStartup>();
        services.AddOpsTopic<ScheduleTopic>();
        return services;
    }
}
