using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Nudges.Email;
using OpsBot.Ops;
using OpsBot.Schedules;

namespace OpsBot.Nudges;

public static class NudgeServices
{
    private static readonly TimeSpan EmailTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deadline nudges (section <c>Nudges</c>): the sweep behind <c>Schedules:NudgeSweep</c>, <c>/ops nudges</c> with its
    /// stop/resume buttons, the creator's own "Stop these reminders", and email delivery (section <c>Email</c>) as the
    /// outbox's channel for <see cref="OutboxTargetKind.CreatorEmail"/>.
    /// </summary>
    public static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NudgeCrossings>();
        services.AddScoped<NudgeSettings>();
        services.AddScoped<NudgeReach>();
        services.AddScoped<CreatorVoices>();
        services.AddScoped<NudgeMessage>();
        services.AddScoped<CouldNotNudgeMessage>();
        services.AddScoped<NudgeRecorder>();
        services.AddScoped<NudgeList>();
        services.AddScheduledJob<NudgeSweepJob>();
        services.AddOpsTopic<NudgesTopic>();
        services.AddChatAction<StopNudgesAction>();
        services.AddChatAction<ResumeNudgesAction>();
        services.AddChatAction<StopRemindersAction>();

        services.AddKeyedScoped<IOutboxChannel, EmailOutboxChannel>(OutboxTargetKind.CreatorEmail);
        services.AddScoped<SmtpTransport>();
        services.AddHttpClient<ResendTransport>((sp, http) => http.Timeout = EmailTimeout)
            // The factory's loggers print request URLs and headers at debug level; the API key must never reach a log.
            .RemoveAllLoggers();
        return services;
    }
}
