using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Data;
using OpsBot.Proposals.ByHand;
using OpsBot.Tests.Proposals.Playbooks;
using static OpsBot.Tests.Metrics.MetricsFixture;

namespace OpsBot.Tests.Proposals.ByHand;

public sealed class ProposeButtonsTests : IAsyncLifetime
{
    private readonly PlaybookHarness store = new();

    /// <summary>anna active with seven overdue threads (t01–t07) and one due later (t08); dora banned, fast lane off; eve in maintenance.</summary>
    public async Task InitializeAsync()
    {
        var anna = store.Data.Creator("anna");
        var dora = store.Data.Creator("dora");
        (dora.CheckoutStatus, dora.FastLaneEnabled) = (CheckoutStatus.Banned, false);
        store.Data.Creator("eve").CheckoutStatus = CheckoutStatus.Maintenance;
        for (var i = 0; i < 7; i++) store.Data.Thread(anna, At("2026-11-18T00:00:00Z").AddHours(i), 24, amount: 1000 + i);
        store.Data.Thread(anna, At("2026-11-20T00:00:00Z"), 48);
        await store.StartAsync();
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Theory]
    [InlineData("anna", "Propose ban|Disable checkout|Block fast lane", "ban|checkout|fastlane")]
    [InlineData("dora", "Lift", "lift")]
    [InlineData("eve", "Propose ban|Block fast lane|Lift", "ban|fastlane|lift")]
    public async Task CreatorCard_OffersOnlyTheProposalsThatWouldChangeSomething(string handle, string labels, string kinds)
    {
        var card = (await store.Slice.RunAsync("/creator " + handle)).Message;

        Assert.Equal(labels.Split('|'), card.Buttons.Select(b => b.Label));
        Assert.Equal(kinds.Split('|').Select(k => $"proposal.propose:{k}:{handle}"), card.Buttons.Select(b => b.ActionId));
    }

    [Fact]
    public async Task CreatorCardButton_ProposesAsThePresser()
    {
        var reply = (await store.Slice.PressAsync("proposal.propose:ban:anna")).Reply!;

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((ProposalKind.Ban, "c_anna", ProposalSource.Manual, "playground:u_ops"), (p.Kind, p.CreatorId, p.Source, p.RequestedBy));
        Assert.Equal($"Proposed P-{p.Id}: Ban for @anna. An approver decides in the approvals channel.", reply.Fallback);
    }

    [Fact]
    public async Task Radar_OffersARefundForTheFiveMostOverdueThreads_InASecondRow()
    {
        var radar = (await store.Slice.RunAsync("/radar")).Message;

        var rows = radar.Blocks.OfType<ButtonsBlock>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["t01", "t02", "t03", "t04", "t05"], rows[1].Buttons.Select(b => b.ActionId.Split(':')[2]));
        Assert.Equal("Propose refund: anna €10.00 (t01)", rows[1].Buttons[0].Label);
        Assert.All(rows[1].Buttons, b => Assert.StartsWith("proposal.propose:refund:", b.ActionId));
    }

    [Fact]
    public async Task Radar_WithItsRefundButtons_FitsSlackAndDiscordWithoutLosingAButton()
    {
        var radar = (await store.Slice.RunAsync("/radar")).Message;

        var fitter = store.Slice.Services.GetRequiredService<MessageFitter>();
        foreach (var limits in new[] { MessageLimits.Slack, MessageLimits.Discord })
        {
            var fitted = fitter.Fit(radar, limits);
            Assert.Equal(radar.Buttons.Select(b => b.ActionId), fitted.Buttons.Select(b => b.ActionId));
            Assert.All(fitted.Buttons, b => Assert.InRange(b.ActionId.Length, 1, ActionId.MaxLength));
        }
    }

    [Fact]
    public async Task RadarRefundButton_ProposesTheRefund_AndASecondPressFindsItOpen()
    {
        var first = (await store.Slice.PressAsync("proposal.propose:refund:t01")).Reply!;
        var second = (await store.Slice.PressAsync("proposal.propose:refund:t01")).Reply!;

        var p = Assert.Single(await store.ProposalsAsync());
        Assert.Equal((ProposalKind.Refund, "t01", 1000L), (p.Kind, p.ThreadId!, p.AmountMinor!.Value));
        Assert.StartsWith($"Proposed P-{p.Id}: Refund for @anna.", first.Fallback);
        Assert.StartsWith($"Already open: P-{p.Id}", second.Fallback);
    }

    [Theory]
    [InlineData("proposal.propose:price:anna")]
    [InlineData("proposal.propose:nuke:anna")]
    [InlineData("proposal.propose:ban")]
    [InlineData("proposal.propose:ban:")]
    public async Task ForgedButton_IsAnswered_AndNothingIsProposed(string action)
    {
        var reply = (await store.Slice.PressAsync(action)).Reply!;

        Assert.Equal("Nothing proposed: I do not know this button.", reply.Fallback);
        Assert.Empty(await store.ProposalsAsync());
    }

    [Fact]
    public void ButtonId_ForATargetTooLongForAnId_IsNone()
    {
        Assert.Equal("proposal.propose:refund:thr_000123", ProposeAction.IdFor(ProposalKind.Refund, "thr_000123"));
        Assert.Null(ProposeAction.IdFor(ProposalKind.Refund, new string('t', 77)));
        Assert.NotNull(ProposeAction.IdFor(ProposalKind.Refund, new string('t', 76)));
    }
}
