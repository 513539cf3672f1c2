using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpsBot.Platform;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Platform.FeedSamples;

namespace OpsBot.Tests.Platform;

public sealed class EventFeedTests : IDisposable
{
    private readonly TestDatabase database = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => database.Dispose();

    private async Task<FeedResult> ApplyAsync(params System.Text.Json.Nodes.JsonObject[] events)
    {
        await using var db = database.NewContext();
        return await new EventFeed(db, new FakeTimeProvider(Now), NullLogger<EventFeed>.Instance).ApplyAsync(Valid(events), CancellationToken.None);
    }

    [Fact]
    public async Task Apply_EveryEventType_StoresRowsAndProcessedIds()
    {
        var result = await ApplyAsync(Creator(), Visit(), Checkout(), Thread(), Reply(), Flag(), Review(), Refund());

        Assert.Equal((8, 0), (result.Applied, result.Duplicates));
        await using var db = database.NewContext();
        var thread = await db.Threads.SingleAsync();
        Assert.Equal((2999L, 86_400_000L), (thread.AmountMinor, thread.AllowedMs));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:00:00Z"), thread.FirstReplyAt);
        Assert.Equal(2 * 3_600_000L, thread.ReplyMs);
        Assert.Equal(DateTimeOffset.Parse("2026-11-21T09:00:00Z"), thread.RefundedAt);
        Assert.Equal(thread.FirstReplyAt, thread.ClosedAt);
        Assert.Equal((1, 1, 1, 1, 1, 1), (await db.ChatVisits.CountAsync(), await db.Checkouts.CountAsync(), await db.Replies.CountAsync(),
            await db.Refunds.CountAsync(), await db.MessageFlags.CountAsync(), await db.RefundReviews.CountAsync()));
        Assert.Equal(8, await db.ProcessedEvents.CountAsync(p => p.ReceivedAt == Now));
    }

    [Fact]
    public async Task Apply_RedeliveredBatch_CountsDuplicatesAndChangesNothing()
    {
        var batch = new[] { Creator(id: "evt_c"), Thread(id: "evt_t"), Visit(id: "evt_v") };
        await ApplyAsync(batch);

        var again = await ApplyAsync(batch);

        Assert.Equal((0, 3), (again.Applied, again.Duplicates));
        await using var db = database.NewContext();
        Assert.Equal((1, 1, 3), (await db.Threads.CountAsync(), await db.ChatVisits.CountAsync(), await db.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task Apply_IdRepeatedWithinBatch_SecondIsDuplicate()
    {
        var result = await ApplyAsync(Creator(), Visit(id: "evt_v", visitorId: "a"), Visit(id: "evt_v", visitorId: "b"));

        Assert.Equal((2, 1), (result.Applied, result.Duplicates));
        await using var db = database.NewContext();
        Assert.Equal("a", (await db.ChatVisits.SingleAsync()).VisitorId);
    }

    [Fact]
    public async Task Apply_ReplyAndRefundBeforeTheirThread_AreAppliedWhenTheThreadArrives()
    {
        await ApplyAsync(Reply(at: "2026-11-20T09:30:00Z"), Refund(at: "2026-11-20T09:00:00Z"));
        await using (var db = database.NewContext())
            Assert.Equal((1, 1, 0), (await db.Replies.CountAsync(), await db.Refunds.CountAsync(), await db.Threads.CountAsync()));

        var result = await ApplyAsync(Creator(), Thread());

        Assert.True(result.Ok);
        await using var after = database.NewContext();
        var thread = await after.Threads.SingleAsync();
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:30:00Z"), thread.FirstReplyAt);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:00:00Z"), thread.RefundedAt);
        Assert.Equal(thread.RefundedAt, thread.ClosedAt);
    }

    [Fact]
    public async Task Apply_ReplyBeforeThreadInSameBatch_IsAppliedToIt()
    {
        await ApplyAsync(Reply(at: "2026-11-20T11:00:00Z"), Creator(), Thread(), Reply(messageId: "msg_2", at: "2026-11-20T10:00:00Z"));

        await using var db = database.NewContext();
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:00:00Z"), (await db.Threads.SingleAsync()).FirstReplyAt);
    }

    [Fact]
    public async Task Apply_ReplyBeforeKnownThreadWasCreated_IsRefused()
    {
        await ApplyAsync(Creator(), Thread());

        var result = await ApplyAsync(Reply(at: "2026-11-20T07:59:00Z", id: "evt_r"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((0, "evt_r", "data.at"), (error.Index, error.Id, error.Field));
        Assert.Contains("before the thread was created", error.Reason);
    }

    [Fact]
    public async Task Apply_ThreadCreatedAfterItsRecordedReply_IsRefused()
    {
        await ApplyAsync(Reply(at: "2026-11-20T07:00:00Z"));

        var result = await ApplyAsync(Creator(), Thread(id: "evt_t"));

        Assert.Equal(("evt_t", "data.createdAt"), (Assert.Single(result.Errors).Id, result.Errors[0].Field));
    }

    [Fact]
    public async Task Apply_LaterCreatorUpsert_ReplacesFields()
    {
        await ApplyAsync(Creator(displayName: "Anna", occurredAt: "2026-11-01T10:00:00Z"));

        await ApplyAsync(Creator(displayName: "Anna K.", handle: "annak", occurredAt: "2026-11-02T10:00:00Z"));

        await using var db = database.NewContext();
        var creator = await db.Creators.SingleAsync();
        Assert.Equal(("Anna K.", "annak", DateTimeOffset.Parse("2026-11-02T10:00:00Z")), (creator.DisplayName, creator.HandleKey, creator.UpdatedAt));
    }

    [Fact]
    public async Task Apply_LateCreatorUpsert_IsAcknowledgedButDoesNotOverwrite()
    {
        await ApplyAsync(Creator(displayName: "Anna K.", occurredAt: "2026-11-02T10:00:00Z"));

        var result = await ApplyAsync(Creator(displayName: "Anna", occurredAt: "2026-11-01T10:00:00Z", id: "evt_old"));

        Assert.Equal(1, result.Applied);
        await using var db = database.NewContext();
        Assert.Equal("Anna K.", (await db.Creators.SingleAsync()).DisplayName);
        Assert.True(await db.ProcessedEvents.AnyAsync(p => p.Id == "evt_old"));
    }

    [Fact]
    public async Task Apply_HandleOfAnotherCreatorInOtherCase_IsRefused()
    {
        await ApplyAsync(Creator(creatorId: "cr_anna", handle: "anna"));

        var result = await ApplyAsync(Creator(creatorId: "cr_other", handle: "@ANNA", id: "evt_clash"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("evt_clash", "data.handle"), (error.Id, error.Field));
        Assert.Contains("cr_anna", error.Reason);
    }

    [Fact]
    public async Task Apply_HandleGivenUpEarlierInBatch_CanBeTaken()
    {
        await ApplyAsync(Creator(creatorId: "cr_anna", handle: "anna"));

        var result = await ApplyAsync(
            Creator(creatorId: "cr_anna", handle: "anna_old", occurredAt: "2026-11-03T10:00:00Z"),
            Creator(creatorId: "cr_new", handle: "Anna", occurredAt: "2026-11-03T10:00:01Z"));

        Assert.True(result.Ok);
        await using var db = database.NewContext();
        Assert.Equal("cr_new", (await db.Creators.SingleAsync(c => c.HandleKey == "anna")).Id);
    }

    [Fact]
    public async Task Apply_EventsForUnknownCreator_AreRefused()
    {
        var result = await ApplyAsync(Visit(creatorId: "cr_ghost"), Checkout(creatorId: "cr_ghost"), Thread(creatorId: "cr_ghost"));

        Assert.Equal([0, 1, 2], result.Errors.Select(e => e.Index!.Value));
        Assert.All(result.Errors, e => Assert.Equal("data.creatorId", e.Field));
    }

    [Fact]
    public async Task Apply_OneBadEventInBatch_StoresNothing()
    {
        var result = await ApplyAsync(Creator(), Thread(), Visit(creatorId: "cr_ghost", id: "evt_bad"), Reply());

        Assert.Equal(("evt_bad", 0, 0), (Assert.Single(result.Errors).Id, result.Applied, result.Duplicates));
        await using var db = database.NewContext();
        Assert.Equal((0, 0, 0, 0), (await db.Creators.CountAsync(), await db.Threads.CountAsync(), await db.Replies.CountAsync(), await db.ProcessedEvents.CountAsync()));
    }

    [Fact]
    public async Task Apply_SameThreadOrReplyOrRefundUnderNewEventId_IsRefused()
    {
        await ApplyAsync(Creator(), Checkout(), Thread(), Reply(), Refund());

        var result = await ApplyAsync(Checkout(), Thread(), Reply(), Refund());

        Assert.Equal(["data.checkoutId", "data.threadId", "data.messageId", "data.refundId"], result.Errors.Select(e => e.Field));
    }
}
