using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Proposals.Execution;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Proposals.Execution;

public sealed class HttpExecutionTests : IAsyncLifetime
{
    private FakePlatform platform = null!;

    public async Task InitializeAsync() => platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync() => await platform.DisposeAsync();

    private Task<TestHost> StartAsync(params (string Key, string Value)[] more)
    {
        var settings = platform.Settings;
        foreach (var (k, v) in more) settings[k] = v;
        return ExecutionHost.StartAsync(settings);
    }

    [Fact]
    public async Task Refund_SendsBearerIdempotencyKeyAndBody_Once()
    {
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        var call = Assert.Single(platform.Calls);
        Assert.Equal(("v1/refunds", $"Bearer {FakePlatform.Token}", "P-1"), (call.Path, call.Authorization, call.IdempotencyKey));
        Assert.Equal(("t01", 2500L, "EUR", "sla_miss", true), ((string?)call.Body["threadId"], (long)call.Body["amountMinor"]!, (string?)call.Body["currency"],
            (string?)call.Body["reason"], (bool)call.Body["notifyFan"]!));
        Assert.Equal(("P-1", "sla_miss", "playground:mara"), ((string?)call.Body["proposal"]!["id"], (string?)call.Body["proposal"]!["reason"], (string?)call.Body["proposal"]!["approvedBy"]));
        Assert.Equal("platform id pf_1", done.ExecutionResult);
        await using var db = host.Database.NewContext();
        // The platform's thread.refunded event brings the refund into the store; OpsBot does not write it in Http mode.
        Assert.Equal(0, await db.Refunds.CountAsync());
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }

    [Fact]
    public async Task ReviewOfAnOverdueThread_AsksForAnSlaMissRefund_AndNotesTheCreator()
    {
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.ReviewRefund("t01"));

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        var call = Assert.Single(platform.Calls);
        Assert.Equal(("sla_miss", "refund_review"), ((string?)call.Body["reason"], (string?)call.Body["proposal"]!["reason"]));
        await using var db = host.Database.NewContext();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }

    [Fact]
    public async Task TwentyApprovePressesAtOnce_ThroughTheDispatcher_MakeOnePlatformCall()
    {
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);
        var mara = host.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Identity("mara")!.Actor;

        var presses = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ChatDispatcher>()
                .RunActionAsync($"proposal.approve:{proposal.Id}", mara, "ops-approvals", null, CancellationToken.None);
        }));
        await Task.WhenAll(presses);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        var call = Assert.Single(platform.Calls);
        Assert.Equal("P-1", call.IdempotencyKey);
    }

    [Fact]
    public async Task AdjustPrice_PostsOnlyWhatChanges_InMinorUnitsWithCurrency()
    {
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(new ProposalRequest(ProposalKind.AdjustPrice, ProposalSource.Manual, ProposalReasons.Manual,
            new AuditActor("playground:jonas", "Jonas"), CreatorId: "c_anna", NewPriceMinor: 1200));

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        var call = Assert.Single(platform.Calls);
        Assert.Equal("v1/creators/c_anna/pricing", call.Path);
        Assert.Equal((1200L, "EUR", false), ((long)call.Body["standardPriceMinor"]!, (string?)call.Body["currency"], call.Body.ContainsKey("fastLaneFactor")));
    }

    [Fact]
    public async Task Platform500ThreeTimes_ThenOk_ExecutedOnceOnAttemptFour_CardUpdatedAfterEach()
    {
        platform.Script(500, times: 3);
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var waiting = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Pending, attempt);
            var backoff = TimeSpan.FromSeconds(30 * (1 << (attempt - 1)));
            Assert.Equal(host.Clock.GetUtcNow() + backoff, waiting.NextExecutionAt);
            Assert.Contains("HTTP 500", waiting.ExecutionError);
            host.Clock.Advance(backoff);
        }
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 4);
        await ExecutionHost.SettleAsync();

        Assert.Equal(4, platform.Calls.Count);
        Assert.All(platform.Calls, c => Assert.Equal("P-1", c.IdempotencyKey));
        Assert.Null(done.ExecutionError);
        await using var db = host.Database.NewContext();
        var updates = await db.OutboxMessages.Where(m => m.UpdateOf == ProposalBook.CardKey(proposal.Id)).OrderBy(m => m.Id).Select(m => m.Key).ToListAsync();
        string[] expected = [.. Enumerable.Range(1, 3).Select(a => ExecutionRecord.CardUpdateKey(proposal.Id, a, ExecutionStatus.Pending)),
            ExecutionRecord.CardUpdateKey(proposal.Id, 4, ExecutionStatus.Succeeded)];
        Assert.Equal(expected, updates);
        var lastRetry = await db.OutboxMessages.SingleAsync(m => m.Key == updates[2]);
        Assert.Contains("Attempt 3 failed (HTTP 500: http_500: scripted failure)", MessageText.Of(ChatMessageJson.Deserialize(lastRetry.Content)));
        var lines = await db.AuditLog.Where(a => a.ProposalId == proposal.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        string[] trail = [AuditActions.ProposalCreated, AuditActions.ExecutionRetrying, AuditActions.ExecutionRetrying, AuditActions.ExecutionRetrying,
            AuditActions.ExecutionSucceeded];
        Assert.Equal(trail, lines);
    }

    [Fact]
    public async Task Platform429_WaitsForItsRetryAfter_NotTheShorterBackoff()
    {
        platform.Script(429, retryAfterSeconds: 300);
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var waiting = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Pending, attempts: 1);
        Assert.Equal(host.Clock.GetUtcNow().AddSeconds(300), waiting.NextExecutionAt);
        host.Clock.Advance(TimeSpan.FromSeconds(299));
        await ExecutionHost.SettleAsync();
        Assert.Single(platform.Calls);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 2);
        Assert.Equal(2, platform.Calls.Count);
    }

    [Fact]
    public async Task Platform409_AlreadySo_IsExecuted_WithoutTheCreatorNote()
    {
        platform.Script(409);
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        Assert.StartsWith("already so on the platform: HTTP 409", done.ExecutionResult);
        await using var db = host.Database.NewContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }

    [Fact]
    public async Task PlatformRefuses422_FailsAtOnce_WithOneAlert_AndIsNotRetried()
    {
        platform.Script(new FakePlatformAnswer(422, Error: "thread_not_refundable"));
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var failed = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Failed, attempts: 1);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await ExecutionHost.SettleAsync();

        Assert.Single(platform.Calls);
        Assert.Contains("HTTP 422: thread_not_refundable", failed.ExecutionError);
        await AssertOneAlertAsync(host, proposal.Id, "thread_not_refundable");
    }

    [Fact]
    public async Task PlatformRedirects_IsNotFollowed_FailsWithOneAlert_InsteadOfCountingTheRedirectedGetAsDone()
    {
        // A client following a 302 turns the POST into a GET without the body; the GET's 200 must not count as a refund.
        platform.Script(new FakePlatformAnswer(302, RedirectTo: "v1/refunds/"));
        await using var host = await StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var failed = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Failed, attempts: 1);
        await ExecutionHost.SettleAsync();

        Assert.Single(platform.Calls);
        Assert.Empty(platform.Gets);
        Assert.Contains("HTTP 302", failed.ExecutionError);
        await AssertOneAlertAsync(host, proposal.Id, "HTTP 302");
        await using var db = host.Database.NewContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }

    [Fact]
    public async Task MaxAttemptsExhausted_FailsWithOneAlert_AndIsNotRetried()
    {
        platform.Script(503, times: 5);
        await using var host = await StartAsync(("Proposals:Execution:MaxAttempts", "2"));
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Pending, attempts: 1);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var failed = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Failed, attempts: 2);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await ExecutionHost.SettleAsync();

        Assert.Equal(2, platform.Calls.Count);
        Assert.Null(failed.NextExecutionAt);
        await AssertOneAlertAsync(host, proposal.Id, "HTTP 503");
    }

    private static async Task AssertOneAlertAsync(TestHost host, long proposalId, string error)
    {
        await using var db = host.Database.NewContext();
        var alert = Assert.Single(await db.OutboxMessages.Where(m => m.Key.StartsWith("execution.failed:")).ToListAsync());
        Assert.Equal((ExecutionNotes.AlertKey(proposalId), OutboxTargetKind.Channel, nameof(OpsChannel.Alerts)), (alert.Key, alert.TargetKind, alert.TargetId));
        var said = MessageText.Of(ChatMessageJson.Deserialize(alert.Content));
        Assert.Contains("P-1", said);
        Assert.Contains(error, said);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionRecord.CardUpdateKey(proposalId, 1, ExecutionStatus.Failed)
            || m.Key == ExecutionRecord.CardUpdateKey(proposalId, 2, ExecutionStatus.Failed)));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == AuditActions.ExecutionFailed));
    }
}
