using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;

namespace OpsBot.Proposals.Execution;

/// <summary>
/// <c>Platform:Mode=Http</c>: one POST to the platform's API per attempt (docs/platform-actions.md) with the bearer
/// token and <c>Idempotency-Key</c> = the proposal's number, the same on every attempt and every instance: a retry
/// after a timeout or a crash cannot refund twice, the platform answers it with the first outcome. The platform holds
/// the live state and checks it itself (409 = already so); the ops store is only read for the audit line's "before".
/// </summary>
public sealed class HttpPlatformActions(HttpClient http, ProposalCases cases, TimeProvider clock) : IPlatformActions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public bool InStore => false;

    public async Task<PlatformActionResult> ExecuteAsync(Data.Proposal proposal, CancellationToken ct)
    {
        var mirror = await cases.LoadAsync(proposal, ct);
        var now = clock.GetUtcNow();
        var before = mirror is null ? null : CaseSnapshot.Of(proposal.Kind, mirror, now);
        // The mirror may lag behind the platform, but a thread it shows unanswered past its deadline was unanswered at the
        // deadline: an SLA miss, even if a late reply has arrived since.
        var reason = RefundReasons.For(proposal, mirror?.Thread, now);
        var call = PlatformRequest.For(proposal, mirror?.Creator.Currency, reason);
        using var request = new HttpRequestMessage(HttpMethod.Post, call.Path)
        {
            Content = new StringContent(call.Body.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.Add(IdempotencyKeyHeader, proposal.Number);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return await PlatformAnswer.ReadAsync(response, call.Path, before, clock, ct) with { RefundReason = reason };
        }
        catch (HttpRequestException e)
        {
            // The message names the host at most; the token is a header and never part of an exception.
            return PlatformActionResult.Retry($"platform not reachable ({e.HttpRequestError}): {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout: the platform may have done it, and the retry's Idempotency-Key will tell.
            return PlatformActionResult.Retry($"platform did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>The bearer header from <c>Platform:ApiToken</c>, set once on the client (never logged: headers are not).</summary>
    internal static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
