using Microsoft.EntityFrameworkCore;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;

namespace OpsBot.Tests.Chat.Outbox;

public sealed class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void RetryAfter_DoublesFromTheFirstWait_UpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new OutboxOptions().RetryAfter(attempts));

    [Fact]
    public void Defaults_RetryForAboutThreeHoursBeforeParking_SoAMorningOutageDoesNotLoseTheRadar()
    {
        var options = new OutboxOptions();
        var span = Enumerable.Range(1, options.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempts) => sum + options.RetryAfter(attempts));

        Assert.Equal(10, options.MaxAttempts);
        Assert.InRange(span, TimeSpan.FromHours(3), TimeSpan.FromHours(3.5));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Enqueue_BlankKey_ThrowsAndStoresNothing(string key)
    {
        await using var host = await OutboxHost.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => host.EnqueueAsync(key, OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("x")));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.EnqueueAsync(new string('k', OutboxMessage.KeyLength + 1), OutboxTarget.Channel(OpsChannel.Daily), OutboxHost.Message("x")));
        await using var db = host.Database.NewContext();
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }

    [Fact]
    public async Task EnqueueUpdate_OfAKeyNeverPosted_ThrowsAndStoresNothing()
    {
        await using var host = await OutboxHost.StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.EnqueueUpdateAsync("alert.x#2", "alert.x", OutboxHost.Message("x")));
        Assert.Contains("alert.x", error.Message);
        await using var db = host.Database.NewContext();
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }
}
