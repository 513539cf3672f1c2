using OpsBot.Data;
using OpsBot.Tests.Proposals.Playbooks;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.ByHand;

public sealed class ProposeCommandTests : IAsyncLifetime
{
    private readonly PlaybookHarness store = new();

    /// <summary>anna (€10.00, ×1.5, active) with t01 overdue, t02 answered and t03 refunded; dora banned with her fast lane off.</summary>
    public async Task InitializeAsync()
    {
        var anna = store.Data.Creator("anna");
        var dora = store.Data.Creator("dora");
        dora.CheckoutStatus = CheckoutStatus.Banned;
        dora.FastLaneEnabled = false;
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24, amount: 2999);
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24).ReplyAfterHours(2);
        store.Data.Thread(anna, At("2026-11-18T08:00:00Z"), 24).Refund(At("2026-11-19T08:00:00Z"));
        await store.StartAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Theory]
    [InlineData("refund t01", ProposalKind.Refund, "Refund")]
    [InlineData("checkout @anna", ProposalKind.DisableCheckout, "Disable checkout")]
    [InlineData("ban anna", ProposalKind.Ban, "Ban")]
    [InlineData("fastlane @ANNA", ProposalKind.BlockFastLane, "Block fast lane")]
    [InlineData("lift @dora", ProposalKind.Lift, "Lift blocks")]
    public async Task Propose_StoresTheProposalAsThePerson_AndAnswersPrivatelyWithItsNumber(string args, ProposalKind kind, string kindText)
    {
        var reply = await store.Slice.RunAsync("/propose " + args);

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((kind, ProposalSource.Manual, "manual", "playground:u_ops", "Olga Ops"), (p.Kind, p.Source, p.Reason, p.RequestedBy, p.RequestedByName));
        Assert.False(reply.Public);
        var handle = kind == ProposalKind.Lift ? "dora" : "anna";
        Assert.Equal($"Proposed P-{p.Id}: {kindText} for @{handle}. An approver decides in the approvals channel.", reply.Message.Fallback);
        Assert.Single(await store.OutboxAsync());
    }

    [Theory]
    [InlineData("price @anna 12.50", 1250L, null)]
    [InlineData("price anna 8", 800L, null)]
    [InlineData("price @anna x1.3", null, "1.3")]
    [InlineData("price @anna ×2", null, "2")]
    public async Task Price_TakesANewPriceInTheOpsCurrency_OrAFastLaneFactor(string args, long? priceMinor, string? factor)
    {
        await store.Slice.RunAsync("/propose " + args);

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((ProposalKind.AdjustPrice, priceMinor, factor is null ? null : decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture)),
            (p.Kind, p.NewPriceMinor, p.NewFastLaneFactor));
    }

    [Fact]
    public async Task SameCaseAgain_AnswersWithTheOpenProposal()
    {
        await store.Slice.RunAsync("/propose refund t01");

        var again = await store.Slice.RunAsync("/propose refund t01");

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal($"Already open: P-{p.Id}: Refund for @anna, proposed by Olga Ops at 2026-11-20 10:00 +01:00.", again.Message.Fallback);
    }

    [Theory]
    [InlineData("refund t99", "Nothing proposed: There is no thread t99.")]
    [InlineData("refund t03", "Nothing proposed: The thread is already refunded.")]
    [InlineData("ban @zed", "Nothing proposed: There is no creator zed.")]
    [InlineData("ban @ana", "Nothing proposed: there is no creator ana. Did you mean anna?")]
    [InlineData("ban @dora", "Nothing proposed: The creator is already banned.")]
    [InlineData("fastlane @dora", "Nothing proposed: The fast lane is already blocked.")]
    [InlineData("lift @anna", "Nothing proposed: The creator has no block to lift.")]
    [InlineData("price @anna", "Nothing proposed: say the new price (like 12.50) or the new fast-lane factor (like x1.3).")]
    [InlineData("price @anna 12,50", "Nothing proposed: 12,50 is neither a price in EUR (like 12.50) nor a fast-lane factor (like x1.3).")]
    [InlineData("price @anna 12.505", "Nothing proposed: 12.505 is neither a price in EUR (like 12.50) nor a fast-lane factor (like x1.3).")]
    [InlineData("price @anna 0", "Nothing proposed: 0 is neither a price in EUR (like 12.50) nor a fast-lane factor (like x1.3).")]
    [InlineData("price @anna -5", "Nothing proposed: -5 is neither a price in EUR (like 12.50) nor a fast-lane factor (like x1.3).")]
    [InlineData("price @anna xabc", "Nothing proposed: xabc is neither a price in EUR (like 12.50) nor a fast-lane factor (like x1.3).")]
    [InlineData("price @anna x0.5", "Nothing proposed: 0.5 is not a fast-lane factor: it must be between 1 and 10, with at most two decimals.")]
    [InlineData("price @anna 10.00", "Nothing proposed: The price and factor are already those.")]
    [InlineData("ban @anna 12", "Nothing proposed: A price or factor only goes with a price adjustment.")]
    public async Task BadInput_IsAnsweredClearly_AndChangesNothing(string args, string answer)
    {
        var reply = await store.Slice.RunAsync("/propose " + args);

        Assert.Equal(answer, reply.Message.Fallback);
        Assert.Empty(await store.ProposalsAsync());
        Assert.Empty(await store.OutboxAsync());
        Assert.Empty(await store.AuditAsync());
    }

    [Theory]
    [InlineData("/propose", "Missing action.")]
    [InlineData("/propose ban", "Missing target.")]
    [InlineData("/propose ban @anna @bob", "I did not understand @bob.")]
    public async Task MalformedCommand_AnswersWithUsage(string command, string problem)
    {
        var reply = await store.Slice.RunAsync(command);

        Assert.Equal($"{problem} Usage: /propose <refund|checkout|ban|fastlane|price|lift> <@target> [value] [public]", reply.Message.Fallback);
        Assert.Empty(await store.ProposalsAsync());
    }

    [Fact]
    public async Task Propose_InGerman()
    {
        var slice = new Fixtures.ChatSlice(store.Data.ConnectionString, store.Now, "de");
        await using (slice)
        {
            var reply = await slice.RunAsync("/propose price @anna 12.505");
            var done = await slice.RunAsync("/propose ban @anna");

            Assert.Equal("Nichts vorgeschlagen: 12.505 ist weder ein Preis in EUR (etwa 12.50) noch ein Fast-Lane-Faktor (etwa x1.3).", reply.Message.Fallback);
            Assert.StartsWith("Vorgeschlagen: P-1: Bann für @anna.", done.Message.Fallback);
        }
    }
}
