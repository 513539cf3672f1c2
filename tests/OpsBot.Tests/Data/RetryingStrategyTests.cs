using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Platform;
using OpsBot.Nudges;
using OpsBot.Proposals;
using OpsBot.Proposals.Playbooks;
using OpsBot.Schedules;
using OpsBot.Tests.Chat.Outbox;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Fixtures;
using OpsBot.Tests.Metrics;
using OpsBot.Tests.Nudges;
using OpsBot.Tests.Proposals;
using OpsBot.Tests.Proposals.Playbooks;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;
using static OpsBot.Tests.Metrics.MetricsFixture;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Data;

/// <summary>
/// Every flow that writes in a transaction, on a store that retries like production's SQL Server
/// (<see cref="RetryingStore"/>): EF Core refuses a transaction begun outside the execution strategy, so each of these
/// fails if one of them does.
/// </summary>
public sealed class RetryingStrategyTests
{
    [Fact]
    public async Task ProposalFlow_SweepProposes_ApproverApproves_RefundRunsOnce()
    {
        using var store = ProposalDesk.NewStore();
        await store.SaveAsync();
        await using var host = await TestHost.StartAsync(ProposalDesk.Settings(store), ProposalDesk.Now, services: RetryingStore.Use);
        var desk = new ProposalDesk(host, store);

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "ProposalSweep").RunAsync(host.Clock.GetUtcNow(), CancellationToken.None);
        Proposal proposal;
        await using (var read = store.NewContext())
            proposal = await read.Proposals.AsNoTracking().SingleAsync(p => p.ThreadId == "t01");
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));
        var card = (await new PlaygroundClient(host).MessagesAsync(PlaygroundChannel.OpsApprovals, "mara"))
            .Single(m => Text(m).Contains(proposal.Number + ":"));
        var pressed = await host.Http.PostAsJsonAsync(Api($"/messages/{card.GetProperty("id").GetInt64()}/actions?as=mara"),
            new { actionId = $"proposal.approve:{proposal.Id}" });

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        await desk.WaitSentAsync($"{ProposalBook.CardKey(proposal.Id)}:exec:1:succeeded");
        await using var db = store.NewContext();
        Assert.Equal(2500, (await db.Refunds.AsNoTracking().SingleAsync(r => r.ThreadId == "t01")).AmountMinor);
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalApproved, AuditActions.ExecutionSucceeded], await desk.AuditAsync(proposal.Id));
    }

    [Fact]
    public async Task FeedBatch_PostedToPlatformEvents_IsStored()
    {
        const string secret = "whsec_retrying";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Platform:WebhookSecret"] = secret }, services: RetryingStore.Use);
        var body = Batch(Creator(), Thread(), Reply());
        var timestamp = host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/platform/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));

        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = host.Database.NewContext();
        Assert.Equal(3, await db.ProcessedEvents.CountAsync());
        host.Database.Dispose();
    }

    [Fact]
    public async Task DemoSeeding_FillsTheEmptyStore()
    {
        using var database = new TestDatabase(migrate: false);
        var demo = new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true", ["Demo:Creators"] = "3", ["Demo:Days"] = "5" };
        await using (await TestHost.StartAsync(demo, database: database, services: RetryingStore.Use)) { }

        await using var db = database.NewContext();
        Assert.Equal(3, await db.Creators.CountAsync());
        Assert.True(await db.Threads.AnyAsync());
    }

    [Fact]
    public async Task FlagDismiss_WritesOneAuditLine_AndTheCardsUpdate()
    {
        await using var harness = new PlaybookHarness();
        var anna = harness.Data.Creator("anna");
        harness.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24, amount: 5000).ReplyAfterHours(2);
        var flag = new MessageFlag { ThreadId = "t01", MessageId = "m1", Reason = "poor_quality", At = At("2026-11-19T08:00:00Z") };
        await harness.AddAsync(flag);
        await harness.StartAsync(RetryingStore.Use);
        await harness.SweepAsync();

        var reply = (await harness.Slice.PressAsync($"flag.dismiss:{flag.Id}")).Reply!;

        Assert.Equal("Flag on thread t01 dismissed; the card says so.", reply.Fallback);
        Assert.Equal(AuditActions.FlagDismissed, Assert.Single(await harness.AuditAsync()).Action);
        Assert.Contains(await harness.OutboxAsync(), m => m.Key == FlagCard.HandledKey(flag.Id));
    }

    [Fact]
    public async Task NudgeSweep_SendsTheCreatorsDm()
    {
        using var database = new TestDatabase();
        await database.AddAsync(NudgeData.Creator("c_anna", "anna", slackUserId: "U_ANNA"), NudgeData.Thread("t1", "c_anna", NudgeHost.SweepAt + TimeSpan.FromHours(11)));
        await using var host = await NudgeHost.StartAsync(database, services: RetryingStore.Use);

        var report = await host.SweepAsync();

        Assert.Contains(report.Ran, r => r.Job == NudgeSweepJob.JobName && r.Outcome == JobOutcome.Succeeded);
        await NudgeHost.EventuallyAsync(() => database.PlaygroundPostsAsync(PlaygroundChannel.CreatorDm("c_anna")), p => p.Count == 1, "the DM");
        Assert.Equal(NudgeStatus.Sent, Assert.Single(await database.NudgesAsync()).Status);
    }

    [Fact]
    public async Task AlertSweep_RaisesTheAlert_AndPostsIt()
    {
        using var store = new MetricsFixture();
        var cara = store.Creator("cara");
        for (var i = 0; i < 8; i++) store.Thread(cara, At("2026-11-20T09:00:00Z").AddHours(-42));
        await store.SaveAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:OpsBot"] = store.ConnectionString, ["Outbox:PollInterval"] = "00:00:00.050" },
            now: At("2026-11-20T08:59:00Z"), services: RetryingStore.Use);
        var runner = host.Services.GetRequiredService<JobRunner>();

        await runner.TickAsync(CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var report = await runner.TickAsync(CancellationToken.None);

        Assert.Contains(report.Ran, r => r.Job == "AlertSweep" && r.Outcome == JobOutcome.Succeeded);
        await NudgeHost.EventuallyAsync(async () =>
        {
            await using var db = store.NewContext();
            return await db.OutboxMessages.AsNoTracking().Where(m => m.Key.StartsWith("alert:critical-threads")).Select(m => m.Status).ToListAsync();
        }, s => s is [OutboxStatus.Sent], "the alert post");
        await using var check = store.NewContext();
        Assert.Single(await check.Alerts.AsNoTracking().ToListAsync());
    }
}
