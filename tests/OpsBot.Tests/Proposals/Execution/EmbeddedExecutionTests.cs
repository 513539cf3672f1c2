using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Audit;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Metrics;
using OpsBot.Proposals;
using OpsBot.Proposals.Execution;
using OpsBot.Tests.Chat.Outbox;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Proposals.Execution;

public sealed class EmbeddedExecutionTests
{
    private static readonly AuditActor Jonas = new("playground:jonas", "Jonas");

    [Fact]
    public async Task SlaRefund_Approved_RunsOnce_RefundRowThreadClosedMetricsCardAndCreatorNote()
    {
        await using var host = await ExecutionHost.StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);

        await host.ApproveAsync(proposal.Id);
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        Assert.Equal((ExecutionHost.Now, "refund opsbot-P-1", (string?)null, (string?)null), (done.ExecutedAt!.Value, done.ExecutionResult, done.ExecutionOwner, done.ExecutionError));
        await using var db = host.Database.NewContext();
        var refund = await db.Refunds.SingleAsync();
        Assert.Equal(("opsbot-P-1", "t01", 2500L, "EUR", RefundReason.SlaMiss, false, ExecutionHost.Now),
            (refund.Id, refund.ThreadId, refund.AmountMinor, refund.Currency, refund.Reason, refund.Automatic, refund.At));
        var thread = await db.Threads.SingleAsync(t => t.Id == "t01");
        Assert.Equal((ExecutionHost.Now, ExecutionHost.Now), (thread.RefundedAt!.Value, thread.ClosedAt!.Value));
        Assert.Equal(1, (await db.Proposals.SingleAsync()).ExecutionAttempts);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var asOf = ExecutionHost.Now.AddMinutes(1);
            var refunds = await scope.ServiceProvider.GetRequiredService<RefundQuery>().ForPeriodAsync(Period.Before(asOf, TimeSpan.FromDays(7)), asOf);
            Assert.Equal((1, 2500L, 1), (refunds.Count, refunds.AmountMinor, refunds.ByReason.SlaMiss));
        }

        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ExecutionSucceeded);
        Assert.Equal(("opsbot", "P-1", "thread t01 open"), (line.Actor, line.Subject, line.Before));
        Assert.StartsWith("thread t01 refunded at 2026-11-20T09:00:00", line.After);

        var card = await host.Database.WaitForAsync(ExecutionRecord.CardUpdateKey(proposal.Id, 1, ExecutionStatus.Succeeded), m => m.Status == OutboxStatus.Sent);
        Assert.Equal(ProposalBook.CardKey(proposal.Id), card.UpdateOf);
        var shown = Assert.Single(await host.Database.PlaygroundPostsAsync(PlaygroundChannel.OpsApprovals)).Content;
        Assert.Contains("opsbot-P-1", shown);
        Assert.DoesNotContain("proposal.approve:", shown);

        var note = await host.Database.WaitForAsync(ExecutionNotes.CreatorNoteKey(proposal.Id), m => m.Status == OutboxStatus.Sent);
        Assert.Equal((OutboxTargetKind.CreatorDm, "c_anna"), (note.TargetKind, note.TargetId));
        var said = MessageText.Of(ChatMessageJson.Deserialize(note.Content));
        Assert.Contains("25,00 €", said);
        Assert.Contains("t01", said);
    }

    [Fact]
    public async Task ReviewOfAnOverdueThread_Approved_IsRefundedAsAnSlaMiss_AndTheCreatorGetsTheNote()
    {
        await using var host = await ExecutionHost.StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.ReviewRefund("t01"));   // t01 is a day past its deadline, unanswered

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        await using var db = host.Database.NewContext();
        Assert.Equal(RefundReason.SlaMiss, (await db.Refunds.SingleAsync()).Reason);
        // The proposal keeps what it was asked as: the platform's review and its note.
        var kept = await db.Proposals.SingleAsync();
        Assert.Equal(("refund_review", "creator_requested_extension: Creator asked for more time."), (kept.Reason, kept.Evidence));
        Assert.EndsWith("refund opsbot-P-1, reason sla_miss", (await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ExecutionSucceeded)).Why);
        var note = await host.Database.WaitForAsync(ExecutionNotes.CreatorNoteKey(proposal.Id), m => m.Status == OutboxStatus.Sent);
        Assert.Equal((OutboxTargetKind.CreatorDm, "c_anna"), (note.TargetKind, note.TargetId));
    }

    [Fact]
    public async Task ReviewOfAThreadStillInTime_Approved_IsRefundedAsOther_WithoutTheSlaNote()
    {
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database);
        await using (var seed = database.NewContext())
        {
            seed.Threads.Add(new OpsBot.Data.Thread
            {
                Id = "t02", CreatorId = "c_anna", FanId = "fan", AmountMinor = 1500, Currency = "EUR", CreatedAt = ExecutionHost.Now.AddHours(-1),
                DeadlineAt = ExecutionHost.Now.AddHours(47), AllowedMs = (long)TimeSpan.FromHours(48).TotalMilliseconds,
            });
            await seed.SaveChangesAsync();
        }
        await using var host = await ExecutionHost.StartAsync(database: database);
        var proposal = await host.ProposeAsync(ExecutionHost.ReviewRefund("t02"));

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);
        await ExecutionHost.SettleAsync();

        await using var db = host.Database.NewContext();
        var refund = await db.Refunds.SingleAsync();
        Assert.Equal(("t02", RefundReason.Other), (refund.ThreadId, refund.Reason));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }

    public static TheoryData<ProposalKind, long?, string?, string, string> Kinds => new()
    {
        { ProposalKind.DisableCheckout, null, null, "checkout Active", "checkout Maintenance" },
        { ProposalKind.Ban, null, null, "checkout Active", "checkout Banned" },
        { ProposalKind.BlockFastLane, null, null, "fast lane on", "fast lane off" },
        { ProposalKind.AdjustPrice, 1200L, "2", "price 1000 EUR (minor units), fast-lane factor 1.5", "price 1200 EUR (minor units), fast-lane factor 2" },
        { ProposalKind.AdjustPrice, null, "3.25", "price 1000 EUR (minor units), fast-lane factor 1.5", "price 1000 EUR (minor units), fast-lane factor 3.25" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CreatorAction_Approved_ChangesTheCreatorOnce_WithBeforeAndAfterInTheAudit(
        ProposalKind kind, long? price, string? factor, string before, string after)
    {
        await using var host = await ExecutionHost.StartAsync();
        var proposal = await host.ProposeAsync(new ProposalRequest(kind, ProposalSource.Manual, ProposalReasons.Manual, Jonas, CreatorId: "c_anna",
            NewPriceMinor: price, NewFastLaneFactor: factor is null ? null : decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture)));

        await host.ApproveAsync(proposal.Id);
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        await using var db = host.Database.NewContext();
        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ExecutionSucceeded);
        Assert.Equal((before, after), (line.Before, line.After));
        Assert.Equal($"{before} → {after}", done.ExecutionResult);
        var anna = await db.Creators.SingleAsync();
        Assert.Equal(after, OpsBot.Proposals.Execution.CaseSnapshot.Of(kind, new CaseState(anna, null), ExecutionHost.Now));
        Assert.Equal(0, await db.Refunds.CountAsync());
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.TargetKind == OutboxTargetKind.CreatorDm));
    }

    [Fact]
    public async Task AdjustPrice_Executed_TheCardNoLongerCallsTheNewPriceTheOldOne()
    {
        await using var host = await ExecutionHost.StartAsync();
        var proposal = await host.ProposeAsync(new ProposalRequest(ProposalKind.AdjustPrice, ProposalSource.Manual, ProposalReasons.Manual, Jonas,
            CreatorId: "c_anna", NewPriceMinor: 1200));

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        await using var db = host.Database.NewContext();
        var update = await db.OutboxMessages.Where(m => m.UpdateOf == OpsBot.Proposals.ProposalBook.CardKey(proposal.Id)).OrderBy(m => m.Id).LastAsync();
        var text = ChatMessageJson.Deserialize(update.Content).Fallback;
        Assert.Contains("Set @anna's price to €12.00 with fast-lane factor 1.5.", text);
        Assert.DoesNotContain("(now", text);
    }

    [Fact]
    public async Task Lift_Approved_OpensCheckoutAndFastLaneAgain()
    {
        using var database = new TestDatabase();
        await ExecutionHost.SeedAsync(database, c => (c.CheckoutStatus, c.FastLaneEnabled) = (CheckoutStatus.Banned, false));
        await using var host = await ExecutionHost.StartAsync(database: database);
        var proposal = await host.ProposeAsync(new ProposalRequest(ProposalKind.Lift, ProposalSource.Manual, ProposalReasons.Manual, Jonas, CreatorId: "c_anna"));

        await host.ApproveAsync(proposal.Id);
        await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        await using var db = host.Database.NewContext();
        var anna = await db.Creators.SingleAsync();
        Assert.Equal((CheckoutStatus.Active, true), (anna.CheckoutStatus, anna.FastLaneEnabled));
        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ExecutionSucceeded);
        Assert.Equal(("checkout Banned, fast lane off", "checkout Active, fast lane on"), (line.Before, line.After));
    }

    [Fact]
    public async Task Refund_ThreadRefundedByThePlatformMeanwhile_ChangesNothing_AndSaysSoOnTheCard()
    {
        await using var host = await ExecutionHost.StartAsync();
        var proposal = await host.ProposeAsync(ExecutionHost.SlaRefund);
        await using (var db = host.Database.NewContext())
        {
            // The platform's own refund job got there between the proposal and the approval.
            var thread = await db.Threads.SingleAsync(t => t.Id == "t01");
            thread.ApplyRefund(ExecutionHost.Now.AddMinutes(-1));
            db.Refunds.Add(new Refund { Id = "rf_1", ThreadId = "t01", AmountMinor = 2500, Currency = "EUR", Reason = RefundReason.SlaMiss, Automatic = true, At = ExecutionHost.Now.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        await host.ApproveAsync(proposal.Id);
        var done = await host.Database.WaitForAsync(proposal.Id, ExecutionStatus.Succeeded, attempts: 1);

        Assert.Equal("Nothing to do: The thread is already refunded.", done.ExecutionResult);
        await using var check = host.Database.NewContext();
        Assert.Equal("rf_1", (await check.Refunds.SingleAsync()).Id);
        var line = await check.AuditLog.SingleAsync(a => a.Action == AuditActions.ExecutionSucceeded);
        Assert.Equal(line.Before, line.After);
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Key == ExecutionNotes.CreatorNoteKey(proposal.Id)));
    }
}
