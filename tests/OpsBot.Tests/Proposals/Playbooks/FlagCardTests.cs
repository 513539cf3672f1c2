using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Data;
using OpsBot.Proposals.Playbooks;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.Playbooks;

public sealed class FlagCardTests : IAsyncDisposable
{
    private readonly PlaybookHarness store = new();
    private long flagId;

    public ValueTask DisposeAsync() => store.DisposeAsync();

    /// <summary>anna's t01 (€50.00) answered, flagged yesterday with a note; t02 flagged two weeks ago; t03 refunded before it was flagged.</summary>
    private async Task StartAsync(string culture = "en")
    {
        var anna = store.Data.Creator("anna");
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24, amount: 5000).ReplyAfterHours(2);
        store.Data.Thread(anna, At("2026-11-01T08:00:00Z"), 24).ReplyAfterHours(2);
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24).ReplyAfterHours(2).Refund(At("2026-11-18T12:00:00Z"));
        var flag = new MessageFlag { ThreadId = "t01", MessageId = "m1", Reason = "poor_quality", Note = "Two lines for 50 euros.", At = At("2026-11-19T08:00:00Z") };
        await store.AddAsync(flag,
            new MessageFlag { ThreadId = "t02", MessageId = "m2", Reason = "off_topic", At = At("2026-11-02T08:00:00Z") },
            new MessageFlag { ThreadId = "t03", MessageId = "m3", Reason = "too_short", At = At("2026-11-19T09:00:00Z") });
        flagId = flag.Id;
        // Three flags in 30 days would also propose a price cut; this is about the cards.
        await store.StartAsync(s => s.Configure<PlaybookOptions>(o => o.FlagsForPriceCut = o.FlagsForCheckoutStop = 100), culture);
    }

    private async Task<ChatMessage> CardAsync(string key) =>
        ChatMessageJson.Deserialize((await store.OutboxAsync()).Single(m => m.Key == key).Content);

    [Fact]
    public async Task NewFlag_PostsOneAuditCard_InTheApprovalsChannel_AcrossSweeps()
    {
        await StartAsync();

        await store.SweepAsync();
        await store.SweepAsync();

        var cards = (await store.OutboxAsync()).Where(m => m.Key.StartsWith("flag:")).ToList();
        Assert.Equal([$"flag:{flagId}", $"flag:{flagId + 2}"], cards.Select(c => c.Key));   // t02's flag is older than the lookback
        Assert.All(cards, c => Assert.Equal((OutboxTargetKind.Channel, "Approvals"), (c.TargetKind, c.TargetId)));
        var card = await CardAsync(FlagCard.Key(flagId));
        var text = MessageText.Of(card);
        Assert.Contains("Flag on @anna's answer in thread t01", text);
        Assert.Contains("A fan flagged the answer: poor_quality, “Two lines for 50 euros.”", text);
        Assert.Contains("Thread: t01 · €50.00 · answered 2026-11-18 11:00 +01:00", text);
        Assert.Contains("Flags (30 days): 3", text);
        Assert.Equal([$"flag.propose:{flagId}", $"flag.dismiss:{flagId}"], card.Buttons.Select(b => b.ActionId));
        Assert.Empty(await store.ProposalsAsync());
    }

    [Fact]
    public async Task Dismiss_RecordsIt_AndRewritesTheCardWithoutButtons_Once()
    {
        await StartAsync();
        await store.SweepAsync();

        var first = await store.Slice.PressAsync($"flag.dismiss:{flagId}");
        var second = await store.Slice.PressAsync($"flag.dismiss:{flagId}");

        Assert.Equal("Flag on thread t01 dismissed; the card says so.", first.Reply!.Fallback);
        Assert.Equal("This flag was already handled: the card shows how.", second.Reply!.Fallback);
        var line = Assert.Single(await store.AuditAsync());
        Assert.Equal((AuditActions.FlagDismissed, "playground:u_ops", "c_anna", "t01", "poor_quality: Two lines for 50 euros."),
            (line.Action, line.Actor, line.CreatorId!, line.ThreadId!, line.Why!));
        var update = (await store.OutboxAsync()).Single(m => m.Key == FlagCard.HandledKey(flagId));
        Assert.Equal(FlagCard.Key(flagId), update.UpdateOf);
        var card = ChatMessageJson.Deserialize(update.Content);
        Assert.Empty(card.Buttons);
        Assert.Contains("Dismissed by Olga Ops at 2026-11-20 10:00 +01:00: nothing to do.", MessageText.Of(card));
        Assert.Empty(await store.ProposalsAsync());
    }

    [Fact]
    public async Task Dismiss_TenPressesAtOnce_WriteOneAuditLine_AndTheOthersHearItWasHandled()
    {
        await StartAsync();
        await store.SweepAsync();

        ActionResult[] replies;
        await using (var writer = store.Data.NewContext())
        {
            // Holding the store's write lock, every press reads the card as open and then waits for its transaction.
            await using var held = await writer.Database.BeginTransactionAsync();
            var presses = Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.Slice.PressAsync($"flag.dismiss:{flagId}"))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await held.RollbackAsync();
            replies = await Task.WhenAll(presses);
        }

        Assert.Single(await store.AuditAsync(), a => a.Action == AuditActions.FlagDismissed);
        Assert.Single(replies, r => r.Reply!.Fallback == "Flag on thread t01 dismissed; the card says so.");
        Assert.Equal(9, replies.Count(r => r.Reply!.Fallback == "This flag was already handled: the card shows how."));
        Assert.Single(await store.OutboxAsync(), m => m.Key == FlagCard.HandledKey(flagId));
    }

    [Fact]
    public async Task DismissAndProposePressedAtOnce_OnlyOneTakesEffect()
    {
        await StartAsync();
        await store.SweepAsync();

        await using (var writer = store.Data.NewContext())
        {
            // Holding the store's write lock, every press reads the card as open and then waits for its transaction.
            await using var held = await writer.Database.BeginTransactionAsync();
            var presses = Enumerable.Range(0, 8)
                .Select(i => Task.Run(() => store.Slice.PressAsync(i % 2 == 0 ? $"flag.dismiss:{flagId}" : $"flag.propose:{flagId}"))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await held.RollbackAsync();
            await Task.WhenAll(presses);
        }

        var proposals = await store.ProposalsAsync();
        var audit = await store.AuditAsync();
        var dismissed = audit.Count(a => a.Action == AuditActions.FlagDismissed);
        Assert.Equal(1, proposals.Count + dismissed);
        Assert.Equal(proposals.Count, audit.Count(a => a.Action == AuditActions.ProposalCreated));
        var card = MessageText.Of(await CardAsync(FlagCard.HandledKey(flagId)));
        Assert.Contains(dismissed == 1 ? "Dismissed by" : $"Refund proposed as {proposals[0].Number}", card);
    }

    [Fact]
    public async Task ProposeRefund_ProposesAsThePresser_AndTheCardSaysWhichProposal()
    {
        await StartAsync();
        await store.SweepAsync();

        var reply = (await store.Slice.PressAsync($"flag.propose:{flagId}")).Reply!;

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((ProposalKind.Refund, "t01", ProposalSource.Flag, "flag", "playground:u_ops", "poor_quality: Two lines for 50 euros."),
            (p.Kind, p.ThreadId!, p.Source, p.Reason, p.RequestedBy, p.Evidence!));
        Assert.Equal($"Proposed {p.Number}: Refund for @anna. An approver decides in the approvals channel.", reply.Fallback);
        var card = await CardAsync(FlagCard.HandledKey(flagId));
        Assert.Empty(card.Buttons);
        Assert.Contains($"Refund proposed as {p.Number} by Olga Ops", MessageText.Of(card));
        Assert.Equal("This flag was already handled: the card shows how.", (await store.Slice.PressAsync($"flag.dismiss:{flagId}")).Reply!.Fallback);
    }

    [Fact]
    public async Task ProposeRefund_WhenTheThreadsRefundIsAlreadyOpen_TheCardNamesWhoReallyProposedIt()
    {
        await StartAsync();
        await store.SweepAsync();
        var earlier = await store.Slice.InScopeAsync(s => s.GetRequiredService<OpsBot.Proposals.ProposalBook>().ProposeAsync(
            new OpsBot.Proposals.ProposalRequest(ProposalKind.Refund, ProposalSource.Manual, "manual", new AuditActor("slack:U9", "Mara"), ThreadId: "t01"),
            CancellationToken.None));

        await store.Slice.PressAsync($"flag.propose:{flagId}");

        Assert.Single(await store.ProposalsAsync());
        var card = MessageText.Of(await CardAsync(FlagCard.HandledKey(flagId)));
        Assert.Contains($"A refund for this thread was already proposed as {earlier.Proposal.Number} by Mara", card);
        Assert.DoesNotContain("Olga Ops", card);
    }

    [Fact]
    public async Task ProposeRefund_ForARefundedThread_SaysWhy_AndKeepsTheCardOpen()
    {
        await StartAsync();
        await store.SweepAsync();

        var reply = (await store.Slice.PressAsync($"flag.propose:{flagId + 2}")).Reply!;

        Assert.Equal("Nothing proposed: The thread is already refunded.", reply.Fallback);
        Assert.Empty(await store.ProposalsAsync());
        Assert.DoesNotContain(await store.OutboxAsync(), m => m.Key == FlagCard.HandledKey(flagId + 2));
    }

    [Theory]
    [InlineData("flag.dismiss:999")]
    [InlineData("flag.propose:999")]
    [InlineData("flag.propose:abc")]
    public async Task UnknownOrUncardedFlag_IsAnswered_AndNothingChanges(string action)
    {
        await StartAsync();
        await store.SweepAsync();
        var before = (await store.OutboxAsync()).Count;

        var reply = (await store.Slice.PressAsync(action)).Reply!;

        Assert.StartsWith("There is no flag card for flag", reply.Fallback);
        Assert.Equal(before, (await store.OutboxAsync()).Count);
        Assert.Empty(await store.AuditAsync());
    }

    [Fact]
    public async Task Card_InGerman()
    {
        await StartAsync("de");
        await store.SweepAsync();

        var text = MessageText.Of(await CardAsync(FlagCard.Key(flagId)));

        Assert.Contains("Meldung zur Antwort von @anna in Thread t01", text);
        Assert.Contains("Thread: t01 · 50,00 € · beantwortet 2026-11-18 11:00 +01:00", text);
        Assert.Contains("Refund vorschlagen | Verwerfen", text);
    }
}
