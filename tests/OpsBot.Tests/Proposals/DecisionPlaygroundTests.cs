using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsBot.Audit;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Proposals;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Proposals;

/// <summary>
/// Approve and Reject on the approval card in the playground, through the real host and its HTTP API: the card is
/// posted to #ops-approvals by the outbox, pressed as mara (approver) or jonas (ops), and rewritten in place.
/// </summary>
public sealed class DecisionPlaygroundTests : IAsyncLifetime
{
    private ProposalDesk desk = null!;

    public async Task InitializeAsync()
    {
        var store = ProposalDesk.NewStore();
        await store.SaveAsync();
        desk = new ProposalDesk(await TestHost.StartAsync(ProposalDesk.Settings(store), ProposalDesk.Now, services: ProposalDesk.WithoutExecution), store);
    }

    public async Task DisposeAsync()
    {
        await desk.Host.DisposeAsync();
        desk.Host.Database.Dispose();
        desk.Store.Dispose();
    }

    /// <summary>Proposes, waits for the card in #ops-approvals and returns the proposal and the card's message id.</summary>
    private async Task<(Proposal Proposal, long Card)> CardAsync(ProposalRequest request)
    {
        var proposal = (await desk.ProposeAsync(request)).Proposal;
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));
        await using var db = desk.Store.NewContext();
        var card = await db.PlaygroundMessages.AsNoTracking()
            .SingleAsync(m => m.Channel == PlaygroundChannel.OpsApprovals && m.Content.Contains($"proposal.approve:{proposal.Id}\""));
        return (proposal, card.Id);
    }

    private Task<HttpResponseMessage> PressAsync(long card, string identity, string actionId, string? input = null) =>
        desk.Host.Http.PostAsJsonAsync(Api($"/messages/{card}/actions?as={identity}"), new { actionId, input });

    private async Task<JsonElement> PressOkAsync(long card, string identity, string actionId, string? input = null) =>
        await OkJsonAsync(await PressAsync(card, identity, actionId, input));

    private static string ReplyText(JsonElement pressed) => Text(pressed.GetProperty("reply"));

    /// <summary>The card as the approvals channel shows it once its update went out.</summary>
    private async Task<JsonElement> ClosedCardAsync(long proposalId, long card)
    {
        await desk.WaitSentAsync($"{ProposalBook.CardKey(proposalId)}:decided");
        var messages = await new PlaygroundClient(desk.Host).MessagesAsync(PlaygroundChannel.OpsApprovals, AsOps);
        return Assert.Single(messages, m => m.GetProperty("id").GetInt64() == card);
    }

    private static bool HasButtons(JsonElement view) => BlockTypes(view).Contains("buttons");

    [Fact]
    public async Task Approve_ByTheApprover_ApprovesQueuesTheExecutionAndUpdatesTheCardInPlace()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));

        var pressed = await PressOkAsync(card, AsApprover, $"proposal.approve:{proposal.Id}");

        Assert.Contains($"You approved {proposal.Number}", ReplyText(pressed));
        var approved = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Approved, ExecutionStatus.Pending, "playground:mara", ProposalDesk.Now, ProposalDesk.Now, null),
            (approved.Status, approved.Execution, approved.DecidedBy, approved.DecidedAt!.Value, approved.NextExecutionAt!.Value, approved.OpenCaseKey));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalApproved], await desk.AuditAsync(proposal.Id));
        var shown = await ClosedCardAsync(proposal.Id, card);
        Assert.False(HasButtons(shown));
        Assert.Contains("Approved by", Text(shown));
        // Updated in place: still one card in the channel, and no second post in the outbox.
        Assert.Single(await new PlaygroundClient(desk.Host).MessagesAsync(PlaygroundChannel.OpsApprovals, AsCreator));
        Assert.Equal([ProposalBook.CardKey(proposal.Id), $"{ProposalBook.CardKey(proposal.Id)}:decided"], await desk.CardKeysAsync(proposal.Id));
    }

    [Theory]
    [InlineData("proposal.approve")]
    [InlineData("proposal.reject")]
    public async Task Press_ByANonApprover_IsRefusedPrivately_Recorded_AndChangesNothing(string action)
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));

        var pressed = await PressOkAsync(card, AsOps, $"{action}:{proposal.Id}");

        Assert.Contains("Only approvers can decide", ReplyText(pressed));
        Assert.True(pressed.GetProperty("reply").GetProperty("private").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pressed.GetProperty("prompt").ValueKind); // never asked for a reason
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
        var refused = Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalRefused));
        Assert.Equal(("playground:jonas", proposal.Id, "not an approver"), (refused.Actor, refused.ProposalId!.Value, refused.Why));
        Assert.Equal([ProposalBook.CardKey(proposal.Id)], await desk.CardKeysAsync(proposal.Id));
    }

    [Fact]
    public async Task Approve_ByTheRequester_IsRefused_Recorded_AndChangesNothing()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01", new AuditActor("playground:mara", "Mara")));

        var pressed = await PressOkAsync(card, AsApprover, $"proposal.approve:{proposal.Id}");

        Assert.Contains($"You proposed {proposal.Number} yourself", ReplyText(pressed));
        var still = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Open, ExecutionStatus.None), (still.Status, still.Execution));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalRefused], await desk.AuditAsync(proposal.Id));
    }

    [Fact]
    public async Task TwentyApprovePresses_AtOnce_MakeOneDecision()
    {
        var (proposal, _) = await CardAsync(ProposalDesk.SlaRefund("t01"));

        // Through the dispatcher, each in its own scope like a request: the playground page itself turns away presses
        // on a card that already lost its buttons, which would keep most of them from racing for the decision.
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => desk.PressDirectAsync($"proposal.approve:{proposal.Id}", AsApprover))));

        Assert.Single(replies, r => r.Contains("You approved"));
        Assert.All(replies.Where(r => !r.Contains("You approved")), r => Assert.Contains("already approved by", r));
        Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalApproved));
        Assert.Equal(2, (await desk.CardKeysAsync(proposal.Id)).Length);
        Assert.Equal(ExecutionStatus.Pending, (await desk.ProposalAsync(proposal.Id)).Execution);
    }

    [Fact]
    public async Task Approve_AfterTheThreadWasAnswered_SupersedesIt_AndNothingIsQueued()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));
        await desk.AnswerAsync("t01");

        var pressed = await PressOkAsync(card, AsApprover, $"proposal.approve:{proposal.Id}");

        Assert.Contains("moot", ReplyText(pressed));
        var superseded = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Superseded, ExecutionStatus.None, "The thread has been answered.", null),
            (superseded.Status, superseded.Execution, superseded.DecisionNote, superseded.NextExecutionAt));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalSuperseded], await desk.AuditAsync(proposal.Id));
        Assert.Contains("Superseded", Text(await ClosedCardAsync(proposal.Id, card)));
    }

    [Fact]
    public async Task Reject_AsksForAReason_ThenRejectsWithIt_AndTheCardShowsIt()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));
        var reject = $"proposal.reject:{proposal.Id}";

        var asked = (await PressOkAsync(card, AsApprover, reject)).GetProperty("prompt");
        Assert.Equal((reject, JsonValueKind.Null), (asked.GetProperty("submitActionId").GetString(), asked.GetProperty("problem").ValueKind));
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);

        var pressed = await PressOkAsync(card, AsApprover, reject, "  Fan got a voucher from support  ");

        Assert.Contains("You rejected", ReplyText(pressed));
        var rejected = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Rejected, "Fan got a voucher from support", ExecutionStatus.None, null),
            (rejected.Status, rejected.DecisionNote, rejected.Execution, rejected.OpenCaseKey));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalRejected], await desk.AuditAsync(proposal.Id));
        var shown = await ClosedCardAsync(proposal.Id, card);
        Assert.Contains("Fan got a voucher from support", Text(shown));
        Assert.False(HasButtons(shown));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ok ")]
    public async Task Reject_WithATooShortReason_AsksAgain_AndChangesNothing(string reason)
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));

        var asked = (await PressOkAsync(card, AsApprover, $"proposal.reject:{proposal.Id}", reason)).GetProperty("prompt");

        Assert.Contains("3 to 500 characters", asked.GetProperty("problem").GetString());
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(proposal.Id)).Status);
        Assert.Equal([AuditActions.ProposalCreated], await desk.AuditAsync(proposal.Id));
    }

    [Fact]
    public async Task Press_OnADecidedProposal_SaysWhoDecided()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));
        await PressOkAsync(card, AsApprover, $"proposal.reject:{proposal.Id}", "Duplicate of a support refund");
        await desk.WaitSentAsync($"{ProposalBook.CardKey(proposal.Id)}:decided");

        // The card has no buttons any more; the rules answer a press that still reaches them (another chat, an old client).
        var second = await desk.PressDirectAsync($"proposal.approve:{proposal.Id}", PlaygroundClient.AsApprover);

        Assert.Contains($"{proposal.Number} was already rejected by", second);
        Assert.Single(await desk.AuditLinesAsync(AuditActions.ProposalRejected));
    }

    [Fact]
    public async Task Expiry_ClosesWhatRanOut_UpdatesTheCard_AndTheCaseCanBeProposedAgain()
    {
        var (first, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));
        desk.Host.Clock.Advance(TimeSpan.FromHours(1));
        var (later, _) = await CardAsync(ProposalDesk.SlaRefund("t02"));
        desk.Host.Clock.Advance(TimeSpan.FromHours(71));

        await desk.ExpireAsync();

        var expired = await desk.ProposalAsync(first.Id);
        Assert.Equal((ProposalStatus.Expired, null, null, ExecutionStatus.None), (expired.Status, expired.OpenCaseKey, expired.DecidedBy, expired.Execution));
        Assert.Equal(ProposalStatus.Open, (await desk.ProposalAsync(later.Id)).Status);
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalExpired], await desk.AuditAsync(first.Id));
        var shown = await ClosedCardAsync(first.Id, card);
        Assert.Contains("Expired", Text(shown));
        Assert.False(HasButtons(shown));
        var again = await desk.ProposeAsync(ProposalDesk.SlaRefund("t01"));
        Assert.True(again.Created);
        Assert.NotEqual(first.Id, again.Proposal.Id);
    }

    [Fact]
    public async Task Approve_AfterTheExpiry_ExpiresItInsteadOfApproving()
    {
        var (proposal, card) = await CardAsync(ProposalDesk.SlaRefund("t01"));
        desk.Host.Clock.Advance(TimeSpan.FromHours(72));

        var pressed = await PressOkAsync(card, AsApprover, $"proposal.approve:{proposal.Id}");

        Assert.Contains("expired", ReplyText(pressed));
        var expired = await desk.ProposalAsync(proposal.Id);
        Assert.Equal((ProposalStatus.Expired, ExecutionStatus.None), (expired.Status, expired.Execution));
        Assert.Equal([AuditActions.ProposalCreated, AuditActions.ProposalExpired], await desk.AuditAsync(proposal.Id));
    }
}
