using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxLeaseTests
{
    [Fact]
    public async Task Send_LeaseTakenOverMidSend_LeavesTheNewOwnersClaimAlone()
    {
        // No platform configured, so the host's own worker sends nothing; the test drives the sender itself.
        await using var host = await OutboxHost.StartAsync(settings: new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });
        await host.EnqueueAsync("slow", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("slow"));
        var thief = new StealingChannel(host.Database);

        await using (var scope = host.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(new OutboxRoutes(thief, null), CancellationToken.None));

        await using var db = host.Database.NewContext();
        var item = await db.OutboxMessages.SingleAsync();
        Assert.Equal(1, thief.Posts);
        Assert.Equal((OutboxStatus.Sending, "other-host", (string?)null), (item.Status, item.LeaseOwner, item.Reference));
    }

    [Fact]
    public async Task Send_SlowerThanTheLease_KeepsItsClaim_AnotherInstanceCannotTakeIt()
    {
        using var database = new TestDatabase();
        await using var a = await OutboxHost.StartAsync(database, NoPlatform);
        await using var b = await OutboxHost.StartAsync(database, NoPlatform);
        await a.EnqueueAsync("slow", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("slow"));
        var slow = new BlockingChannel();
        var sending = SendDueAsync(a, slow);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Past the two-minute lease in small steps, as a real clock moves.
        var pastTheLease = TimeSpan.FromSeconds(150);
        await PassAsync(a, pastTheLease);
        await database.WaitForAsync("slow", m => m.LeaseUntil > a.Clock.GetUtcNow());
        b.Clock.Advance(pastTheLease);
        var other = new BlockingChannel();
        var claimedByB = await SendDueAsync(b, other);
        slow.Release.TrySetResult();

        Assert.Equal(0, claimedByB);
        Assert.Equal(1, await sending);
        var sent = await database.WaitForAsync("slow", _ => true);
        Assert.Equal((OutboxStatus.Sent, 1), (sent.Status, sent.Attempts));
        Assert.Equal((1, 0), (slow.Posts, other.Posts));
    }

    [Fact]
    public async Task Send_WhoseClaimWasTakenOver_IsStoppedAtTheNextHeartbeat_AndLeftToTheNewOwner()
    {
        await using var host = await OutboxHost.StartAsync(settings: NoPlatform);
        await host.EnqueueAsync("slow", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("slow"));
        var slow = new BlockingChannel();
        var sending = SendDueAsync(host, slow);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using (var db = host.Database.NewContext())
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "other-host"));

        await PassAsync(host, TimeSpan.FromSeconds(45));

        Assert.Equal(1, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(slow.Cancelled);
        var item = await host.Database.WaitForAsync("slow", _ => true);
        Assert.Equal((OutboxStatus.Sending, "other-host", (string?)null), (item.Status, item.LeaseOwner, item.LastError));
    }

    [Fact]
    public async Task Send_EndingWhileARenewalRuns_IsStillMarkedSent_WhateverTheCancelledRenewalThrows()
    {
        var renewals = new RenewalCutOff();
        await using var host = await OutboxHost.StartAsync(settings: NoPlatform, services: s =>
            s.ConfigureDbContext<SqliteOpsDbContext>(o => o.AddInterceptors(renewals)));
        await host.EnqueueAsync("slow", OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("slow"));
        var slow = new BlockingChannel();
        var sending = SendDueAsync(host, slow);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await PassAsync(host, TimeSpan.FromSeconds(45));
        await renewals.Running.Task.WaitAsync(TimeSpan.FromSeconds(10));
        slow.Release.TrySetResult();

        Assert.Equal(1, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        var item = await host.Database.WaitForAsync("slow", _ => true);
        Assert.Equal((OutboxStatus.Sent, "C1:1.0"), (item.Status, item.Reference));
    }

    /// <summary>
    /// Holds the heartbeat's renewal until it is cancelled, then fails it the way SqlClient does (its own exception,
    /// not a cancellation), as a send that ends mid-renewal meets on SQL Server.
    /// </summary>
    private sealed class RenewalCutOff : DbCommandInterceptor
    {
        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var text = command.CommandText;
            var set = text.Contains("SET", StringComparison.Ordinal) && text.Contains("WHERE", StringComparison.Ordinal)
                ? text[text.IndexOf("SET", StringComparison.Ordinal)..text.IndexOf("WHERE", StringComparison.Ordinal)] : "";
            if (!set.Contains("\"LeaseUntil\"", StringComparison.Ordinal) || set.Contains("\"Status\"", StringComparison.Ordinal))
                return result;
            Running.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("Operation cancelled by user (test).");
            }
            return result;
        }
    }

    /// <summary>No platform configured, so the hosts' own workers send nothing; the tests drive the sender themselves.</summary>
    private static readonly Dictionary<string, string?> NoPlatform = new() { ["Playground:Enabled"] = "false" };

    private static async Task<int> SendDueAsync(TestHost host, IOutboxChannel channel)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(new OutboxRoutes(channel, null), CancellationToken.None);
    }

    /// <summary>Lets <paramref name="span"/> pass in 5-second steps, giving the heartbeat a moment of real time after each.</summary>
    private static async Task PassAsync(TestHost host, TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(5))
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }
    }

    /// <summary>A post that takes as long as the test wants: it returns when released, or ends when its send is cancelled.</summary>
    private sealed class BlockingChannel : IOutboxChannel
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Posts { get; private set; }
        public bool Cancelled { get; private set; }

        public async Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct)
        {
            Posts++;
            Started.TrySetResult();
            try
            {
                await Release.Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            return "C1:1.0";
        }

        public Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct) => throw new NotSupportedException();
    }

    /// <summary>Another instance claims the message while this one is still posting it (its lease ran out).</summary>
    private sealed class StealingChannel(TestDatabase database) : IOutboxChannel
    {
        public int Posts { get; private set; }

        public async Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct)
        {
            Posts++;
            await using var db = database.NewContext();
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "other-host"), ct);
            return "C1:1.0";
        }

        public Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct) => throw new NotSupportedException();
    }
}
