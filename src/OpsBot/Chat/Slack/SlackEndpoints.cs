using Microsoft.Extensions.Options;

namespace OpsBot.Chat.Slack;

/// <summary>
/// What Slack posts to OpsBot: <c>/slack/commands</c> (slash commands), <c>/slack/interactions</c> (buttons) and
/// <c>/slack/events</c> (Events API). Every request passes <see cref="SlackVerification"/> first.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>Maps the endpoints only when <c>Slack:SigningSecret</c> is set: no secret, no endpoints (fails closed).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var secret = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret;
        if (string.IsNullOrWhiteSpace(secret)) return app;
        var clock = app.ServiceProvider.GetRequiredService<TimeProvider>();
        var slack = app.MapGroup("/slack");
        slack.MapPost("/commands", CommandAsync).AddEndpointFilter(new SlackVerification(secret, clock, SlackVerification.Form));
        slack.MapPost("/interactions", InteractionAsync).AddEndpointFilter(new SlackVerification(secret, clock, SlackVerification.Form));
        slack.MapPost("/events", EventAsync).AddEndpointFilter(new SlackVerification(secret, clock, SlackVerification.Json));
        return app;
    }

    private static async Task<IResult> CommandAsync(HttpContext http, SlackCommandAck ack) =>
        SlackSlashCommand.From(SlackInboundRequest.Of(http)) is { } command ? await ack.AckAsync(command) : Results.BadRequest();

    private static Task<IResult> InteractionAsync(HttpContext http, SlackInteractions interactions, CancellationToken ct) =>
        interactions.ReceiveAsync(SlackInboundRequest.Of(http), ct);

    private static Task<IResult> EventAsync(HttpContext http, SlackEvents events, CancellationToken ct) =>
        events.ReceiveAsync(SlackInboundRequest.Of(http), http.Request.Headers[SlackEvents.RetryHeader].FirstOrDefault(), ct);
}
