using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Schedules;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Chat.Slack;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// The whole flow through the real host, execution included: the sweep's SLA-miss playbook proposes a refund, the card
/// reaches the approvals channel, an approver presses Approve, the embedded platform refunds once, and the card shows it.
/// </summary>
public sealed class ProposalFlowTests
{
    private static async Task<Proposal> SweepAsync(ProposalDesk desk, string threadId)
    {
        await using (var scope = desk.Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == "ProposalSweep").RunAsync(desk.Host.Clock.GetUtcNow(), CancellationToken.None);
        await using var db = desk.Store.NewContext();
        return await db.Proposals.AsNoTracking().SingleAsync(p => p.ThreadId == threadId);
    }

    private static async Task AssertRefundedOnceAsync(ProposalDesk desk, Proposal proposal, long amount)
    {
        await desk.WaitSentAsync($"{ProposalBook.CardKey(proposal.Id)}:exec:1:succeeded");
        await using var db = desk.Store.NewContext();
        var refund = await db.Refunds.AsNoTracking().SingleAsync(r => r.ThreadId == proposal.ThreadId);
        Assert.Equal(($"opsbot-{proposal.Number}", amount, RefundReason.SlaMiss), (refund.Id, refund.AmountMinor, refund.Reason));
        Assert.NotNull((await db.Threads.AsNoTracking().SingleAsync(t => t.Id == proposal.ThreadId)).RefundedAt);
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalApproved, AuditActions.ExecutionSucceeded], await desk.AuditAsync(proposal.Id));
        Assert.Equal(ExecutionStatus.Succeeded, (await desk.ProposalAsync(proposal.Id)).Execution);
    }

    [Fact]
    public async Task Playground_SweepProposes_ApproverApproves_RefundRunsOnce_AndTheCardSaysSo()
    {
        using var store = ProposalDesk.NewStore();
        await store.SaveAsync();
        await using var host = await TestHost.StartAsync(ProposalDesk.Settings(store), ProposalDesk.Now);
        var desk = new ProposalDesk(host, store);

        var proposal = await SweepAsync(desk, "t01");
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));
        var card = (await new PlaygroundClient(host).MessagesAsync(PlaygroundChannel.OpsApprovals, "mara"))
            .Single(m => Text(m).Contains(proposal.Number + ":"));
        var pressed = await host.Http.PostAsJsonAsync(Api($"/messages/{card.GetProperty("id").GetInt64()}/actions?as=mara"),
            new { actionId = $"proposal.approve:{proposal.Id}" });

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        await AssertRefundedOnceAsync(desk, proposal, 2500);
        var shown = (await new PlaygroundClient(host).MessagesAsync(PlaygroundChannel.OpsApprovals, "mara"))
            .Single(m => m.GetProperty("id").GetInt64() == card.GetProperty("id").GetInt64());
        Assert.Contains("Executed", Text(shown));
        Assert.Contains("Approved by", Text(shown));
    }

    [Fact]
    public async Task Slack_SweepProposes_ApproverApproves_RefundRunsOnce_AndTheCardEndsExecuted()
    {
        await using var slack = await SlackHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:Approvers"] = "U1", ["Slack:Channels:Approvals"] = "CAPP", ["Outbox:PollInterval"] = "00:00:00.050",
        });
        var desk = new ProposalDesk(slack.Host, slack.Store);

        var proposal = await SweepAsync(desk, "t01");
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));
        var ts = (string)slack.Slack.Succeeded("chat.postMessage").Single(p => (string?)p["channel"] == "CAPP")["ts"]!;
        var press = slack.Requests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U1", ["name"] = "Mara" },
            ["trigger_id"] = "trigger.1",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = "CAPP", ["is_ephemeral"] = false },
            ["response_url"] = slack.Slack.ResponseUrl("r1").ToString(),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = $"proposal.approve:{proposal.Id}", ["block_id"] = "b" }),
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(press)).StatusCode);
        await AssertRefundedOnceAsync(desk, proposal, 2999);
        var updates = slack.Slack.CallsTo("chat.update");
        // The "approved" rewrite is skipped when the "executed" one, which carries the whole card, already waits behind it.
        Assert.InRange(updates.Count, 1, 2);
        Assert.All(updates, u => Assert.Equal(ts, u.Arg("ts")));
        Assert.Contains("Executed", updates[^1].Arg("blocks"));
        Assert.Contains("Approved by", updates[^1].Arg("blocks"));
    }
}
