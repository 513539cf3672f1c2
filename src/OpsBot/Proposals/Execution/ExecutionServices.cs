using Microsoft.Extensions.Options;
using OpsBot.Platform;
using OpsBot.Proposals.Decisions;

namespace OpsBot.Proposals.Execution;

public static class ExecutionServices
{
    /// <summary>
    /// The execution queue (section <c>Proposals:Execution</c>) and the platform actions <c>Platform:Mode</c> picks,
    /// both validated at start: Http needs an absolute https URL (http only to this machine) and a token.
    /// </summary>
    public static IServiceCollection AddExecution(this IServiceCollection services)
    {
        services.AddOptions<ExecutionOptions>()
            .BindConfiguration(ExecutionOptions.Section)
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, "Proposals:Execution:MaxAttempts must be between 1 and 100.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Proposals:Execution:PollInterval must be positive.")
            .Validate(o => o.HttpTimeout > TimeSpan.Zero && o.Lease > o.HttpTimeout,
                "Proposals:Execution:Lease must be longer than Proposals:Execution:HttpTimeout (a call still running must not be claimed again).")
            .Validate(o => o.FirstRetryAfter > TimeSpan.Zero && o.MaxRetryAfter >= o.FirstRetryAfter,
                "Proposals:Execution:FirstRetryAfter must be positive and at most Proposals:Execution:MaxRetryAfter.")
            .ValidateOnStart();
        services.AddOptions<PlatformOptions>()
            .Validate(o => o.Mode != PlatformMode.Http || PlatformApi.TryBaseUrl(o.ApiBaseUrl, out _),
                "Platform:ApiBaseUrl must be an absolute https URL (http only to localhost) when Platform:Mode is Http.")
            .Validate(o => o.Mode != PlatformMode.Http || !string.IsNullOrWhiteSpace(o.ApiToken),
                "Platform:ApiToken is required when Platform:Mode is Http.")
            .ValidateOnStart();

        services.AddSingleton<ExecutionSignal>();
        services.AddSingleton<IExecutionWake>(sp => sp.GetRequiredService<ExecutionSignal>());
        services.AddScoped<ExecutionRunner>();
        services.AddScoped<ExecutionRecord>();
        services.AddScoped<ExecutionNotes>();
        services.AddScoped<EmbeddedPlatformActions>();
        services.AddHttpClient<HttpPlatformActions>((sp, http) =>
        {
            var platform = sp.GetRequiredService<IOptions<PlatformOptions>>().Value;
            PlatformApi.TryBaseUrl(platform.ApiBaseUrl, out var baseUrl);
            http.BaseAddress = baseUrl;
            http.DefaultRequestHeaders.Authorization = HttpPlatformActions.Bearer(platform.ApiToken ?? "");
            http.Timeout = sp.GetRequiredService<IOptions<ExecutionOptions>>().Value.HttpTimeout;
        })
            // A redirect is never followed: a POST followed through a 301/302 becomes a GET without its body, whose 200
            // would count as done with nothing done (and the token would travel to wherever it points). 3xx fails instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<IPlatformActions>(sp => sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Mode == PlatformMode.Http
            ? sp.GetRequiredService<HttpPlatformActions>()
            : sp.GetRequiredService<EmbeddedPlatformActions>());
        services.AddHostedService<ExecutionWorker>();
        return services;
    }
}
