using System.Net;
using System.Text.Json.Nodes;
using OpsBot.Audit;
using OpsBot.Chat.Slack;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Tests.Chat.Slack;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// The approval card in Slack: posted to the approvals channel by the outbox on <see cref="FakeSlack"/>, pressed with
/// really signed <c>block_actions</c>, rejected through a modal (<c>views.open</c>, then a signed <c>view_submission</c>),
/// and rewritten in place with chat.update. U1 is an approver (Slack:Approvers), U2 is not.
/// </summary>
public sealed class DecisionSlackTests : IAsyncLifetime
{
    private const string Approvals = "CAPP";
    private SlackHost slack = null!;
    private ProposalDesk desk = null!;

    public async Task InitializeAsync()
    {
        slack = await SlackHost.StartAsync(ProposalDesk.WithoutExecution, settings: new Dictionary<string, string?>
        {
            ["Slack:Approvers"] = "U1",
            ["Slack:Channels:Approvals"] = Approvals,
            ["Outbox:PollInterval"] = "00:00:00.050",
        });
        desk = new ProposalDesk(slack.Host, slack.Store);
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private FakeSlack Fake => slack.Slack;

    private async Task<(Proposal Proposal, string Ts)> CardAsync()
    {
        var proposal = (await desk.ProposeAsync(ProposalDesk.SlaRefund("t01"))).Proposal;
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));
        var posted = Assert.Single(Fake.Succeeded("chat.postMessage"));
        Assert.Equal(Approvals, (string?)posted["channel"]);
        return (proposal, (string)posted["ts"]!);
    }

    private HttpRequestMessage Press(string actionId, string ts, string user, string response = "r1") => slack.Requests.Interaction(new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = $"Person {user}" },
        ["trigger_id"] = $"trigger.{user}.{response}",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = Approvals, ["is_ephemeral"] = false },
        ["response_url"] = Fake.ResponseUrl(response).ToString(),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = actionId, ["block_id"] = "b" }),
    }.ToJsonString());

    private HttpRequestMessage Submit(JsonObject view, string reason, string user = "U1") => slack.Requests.Interaction(new JsonObject
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = $"Person {user}" },
        ["trigger_id"] = "trigger.submit",
        ["view"] = new JsonObject
        {
            ["id"] = (string?)view["id"], ["type"] = "modal", ["callback_id"] = (string?)view["callback_id"],
            ["private_metadata"] = (string?)view["private_metadata"],
            ["state"] = new JsonObject { ["values"] = new JsonObject
            {
                [SlackRenderer.PromptBlockId] = new JsonObject { [SlackRenderer.PromptInputId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } },
            } },
        },
    }.ToJsonString());

    /// <summary>The calls a method got once there are <paramref name="count"/> of them (within 15 s).</summary>
    private async Task<IReadOnlyList<SlackCall>> CallsAsync(string method, int count = 1)
    {
        for (var waited = 0; Fake.CallsTo(method).Count < count; waited += 25)
        {
            Assert.True(waited < 15_000, $"{method}: {Fake.CallsTo(method).Count} calls, expected {count}.");
            await Task.Delay(25);
        }
        return Fake.CallsTo(method);
    }

    private static bool HasButtons(SlackCall update) => JsonNode.Parse(update.Arg("blocks")!)!.AsArray().Any(b => (string?)b!["type"] == "actions");

    /// <summary>Opens the reject modal as U1 and returns the view Slack was asked to open.</summary>
    private async Task<JsonObject> RejectModalAsync(Proposal proposal, string ts)
    {
        Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(Press($"proposal.reject:{proposal.Id}", ts, "U1"))).StatusCode);
        var open = Assert.Single(await CallsAsync("views.open"));
        Assert.Equal("trigger.U1.r1", open.Arg("trigger_id"));
        return (JsonObject)Fake.Succeeded("views.open").Single()["view"]!;
    }

    [Fact]
    public async Task Approve_SignedPress_ApprovesAndRewritesTheCardWithChatUpdate_WithoutASecondPost()
    {
        var (proposal, ts) = await CardAsync();

        Assert.Equal(HttpStatusCode.OK, (await slack.SendAsync(Press($"proposal.approve:{proposal.Id}", ts, "U1"))).StatusCode);

        var update = Assert.Single(await CallsAsync("chat.update"));
        Assert.Equal((Approvals, ts), (update.Arg("channel"), update.Arg("ts")));
        Assert.False(HasButtons(update));
        Assert.Contains("Approved by Person U1", update.Arg("text") + update.Arg("blocks"));
        var answer = Assert.Single(await CallsAsync("response/r1")).Json!;
        Assert.Contains("You approved", answer.ToJsonString());
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        var approved = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Approved, ExecutionStatus.Pending, "slack:U1"), (approved.Status, approved.Execution, approved.DecidedBy));
        Assert.Single(Fake.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Reject_ByANonApprover_IsAnsweredPrivately_WithoutTheModal()
    {
        var (proposal, ts) = await CardAsync();

        await slack.SendAsync(Press($"proposal.reject:{proposal.Id}", ts, "U2"));

        Assert.Contains("Only approvers can decide", Assert.Single(await CallsAsync("response/r1")).Text);
        Assert.Empty(Fake.CallsTo("views.open"));
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
        Assert.Equal("slack:U2", Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalRefused)).Actor);
    }

    [Fact]
    public async Task Reject_ThroughTheModal_RejectsWithTheReason_AndTheCardShowsIt()
    {
        var (proposal, ts) = await CardAsync();
        var view = await RejectModalAsync(proposal, ts);
        Assert.Equal((SlackRenderer.PromptCallbackId, $"Reject {proposal.Number}"), ((string?)view["callback_id"], (string?)view["title"]!["text"]));
        Assert.Equal(new SlackPromptContext($"proposal.reject:{proposal.Id}", Approvals, ts), SlackPromptContext.Parse((string?)view["private_metadata"]));

        var submitted = await slack.SendAsync(Submit(view, "Fan was refunded by support already"));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync()); // closes the modal
        var rejected = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Rejected, "Fan was refunded by support already", "slack:U1"), (rejected.Status, rejected.DecisionNote, rejected.DecidedBy));
        var update = Assert.Single(await CallsAsync("chat.update"));
        Assert.Contains("Fan was refunded by support already", update.Arg("blocks"));
        Assert.False(HasButtons(update));
        var told = Assert.Single(await CallsAsync("chat.postEphemeral"));
        Assert.Equal((Approvals, "U1"), (told.Arg("channel"), told.Arg("user")));
        Assert.Contains("You rejected", told.Arg("text"));
    }

    [Fact]
    public async Task Reject_WhenSlackNoLongerTakesTheTrigger_AsksThePresserToPressAgain()
    {
        var (proposal, ts) = await CardAsync();
        Fake.FailNext("views.open", "expired_trigger_id");

        await slack.SendAsync(Press($"proposal.reject:{proposal.Id}", ts, "U1"));

        Assert.Contains("press the button again", Assert.Single(await CallsAsync("response/r1")).Text);
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
    }

    [Fact]
    public async Task Reject_WithAnEmptyReasonInTheModal_ShowsTheErrorThere_AndChangesNothing()
    {
        var (proposal, ts) = await CardAsync();
        var view = await RejectModalAsync(proposal, ts);

        var submitted = await slack.SendAsync(Submit(view, " "));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("3 to 500 characters", (string?)body["errors"]![SlackRenderer.PromptBlockId]);
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
        await Task.Delay(200);
        Assert.Empty(Fake.CallsTo("chat.postEphemeral"));
        Assert.Empty(Fake.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Reject_SubmittedByANonApprover_IsRefusedAtTheSubmission()
    {
        var (proposal, ts) = await CardAsync();
        var view = await RejectModalAsync(proposal, ts);

        // The modal's metadata in someone else's submission: the rules run again and refuse it.
        await slack.SendAsync(Submit(view, "Looks wrong to me", user: "U2"));

        Assert.Contains("Only approvers can decide", Assert.Single(await CallsAsync("chat.postEphemeral")).Arg("text"));
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
        Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalRefused));
    }

    [Fact]
    public async Task TwentySignedApprovePresses_AtOnce_MakeOneDecision_AndOneCardUpdate()
    {
        var (proposal, ts) = await CardAsync();

        var acks = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => slack.SendAsync(Press($"proposal.approve:{proposal.Id}", ts, "U1", $"r{i}"))));

        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        for (var waited = 0; Fake.Calls.Count(c => c.Method.StartsWith("response/")) < 20; waited += 25)
        {
            Assert.True(waited < 15_000, "not every press was answered");
            await Task.Delay(25);
        }
        var texts = Fake.Calls.Where(c => c.Method.StartsWith("response/")).Select(c => c.Text).ToList();
        Assert.Single(texts, t => t.Contains("You approved"));
        Assert.Equal(19, texts.Count(t => t.Contains("already approved by Person U1")));
        Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalApproved));
        Assert.Single(await CallsAsync("chat.update"));
    }
}
