using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Data;
using OpsBot.Nudges.Email;
using OpsBot.Tests.Chat;
using OpsBot.Tests.Chat.Outbox;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;
using static OpsBot.Tests.Nudges.NudgeHost;

namespace OpsBot.Tests.Nudges;

/// <summary>A creator with no chat identity but an email address, nudged through a fake Resend or a fake SMTP server.</summary>
public sealed class NudgeEmailTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<string> NudgeKeyAsync()
    {
        var item = await EventuallyAsync(database.OutboxAsync, o => o.Any(m => m.TargetKind == OutboxTargetKind.CreatorEmail), "the email in the outbox");
        return item.Single(m => m.TargetKind == OutboxTargetKind.CreatorEmail).Key;
    }

    [Fact]
    public async Task Resend_429ThenFailureAfterSending_IsRetriedWithTheSameIdempotencyKey_AndDeliveredOnce_TheRateLimitCostingNoAttempt()
    {
        await using var resend = await FakeResend.StartAsync();
        resend.RateLimitNext();
        resend.FailAfterSendingNext();
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com", locale: "de"), Thread("t1", "c_bo", SweepAt + TimeSpan.FromHours(11)));
        var logs = new LogCapture();
        await using var host = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:From"] = "OpsBot <ops@example.com>",
            ["Email:Resend:ApiKey"] = FakeResend.ApiKey,
            ["Email:Resend:BaseUrl"] = resend.BaseUrl.ToString(),
        }, s => s.AddSingleton<ILoggerProvider>(logs));

        await host.SweepAsync();
        var key = await NudgeKeyAsync();
        // The 429 defers it by its Retry-After (1 s) and gives the attempt back; the failure after sending costs one.
        var deferred = await database.WaitForAsync(key, m => m.Status == OutboxStatus.Pending && m.LastError != null);
        Assert.Equal((0, host.Clock.GetUtcNow() + TimeSpan.FromSeconds(1)), (deferred.Attempts, deferred.NextAttemptAt));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await database.WaitForAsync(key, m => m.Attempts == 1 && m.Status == OutboxStatus.Pending);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var sent = await database.WaitForAsync(key, m => m.Status == OutboxStatus.Sent);

        Assert.Equal(3, resend.Requests.Count);
        Assert.All(resend.Requests, r => Assert.Equal((key, $"Bearer {FakeResend.ApiKey}"), (r.Headers["Idempotency-Key"], r.Headers["Authorization"])));
        var email = Assert.Single(resend.Sent);
        Assert.Equal("OpsBot <ops@example.com>", (string?)email["from"]);
        Assert.Equal(["bo@example.com"], email["to"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("1 Frage ist innerhalb von 12 Stunden fällig", (string?)email["subject"]);
        Assert.Contains("• Frage über 29,99", (string?)email["text"]);
        Assert.DoesNotContain("[", (string?)email["text"]);
        Assert.Contains("<h2>1 Frage ist innerhalb von 12 Stunden fällig</h2>", (string?)email["html"]);
        Assert.Equal(2, sent.Attempts);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(FakeResend.ApiKey) || e.Exception?.ToString().Contains(FakeResend.ApiKey) == true);
        Assert.Contains(logs.Entries, e => e.Message.Contains("Resend answered 429 (retry after 1 s): rate_limit_exceeded"));
    }

    [Fact]
    public async Task InstanceWithoutEmail_LeavesTheEmailToAnInstanceThatHasIt()
    {
        await using var resend = await FakeResend.StartAsync();
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"));
        await using var chatOnly = await NudgeHost.StartAsync(database);
        await chatOnly.EnqueueAsync("nudge:t1:720m", OutboxTarget.CreatorEmail("c_bo"), OutboxHost.Message("1 question is due within 12 hours"));

        // Ten of its outbox rounds: not claimed, so neither failed nor parked.
        await Task.Delay(500);
        var waiting = await database.WaitForAsync("nudge:t1:720m", _ => true);
        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.Attempts));
        await using var mailer = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:From"] = "ops@example.com",
            ["Email:Resend:ApiKey"] = FakeResend.ApiKey,
            ["Email:Resend:BaseUrl"] = resend.BaseUrl.ToString(),
        });

        var sent = await database.WaitForAsync("nudge:t1:720m", m => m.Status == OutboxStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(["bo@example.com"], Assert.Single(resend.Sent)["to"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task Smtp_SendsOneMail_WithAStableMessageId()
    {
        await using var smtp = new FakeSmtp();
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"), Thread("t1", "c_bo", SweepAt + TimeSpan.FromHours(11)),
            Thread("t2", "c_bo", SweepAt + TimeSpan.FromHours(10)));
        await using var host = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:From"] = "ops@example.com",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:EnableSsl"] = "false",
        });

        await host.SweepAsync();
        var key = await NudgeKeyAsync();
        var sent = await database.WaitForAsync(key, m => m.Status == OutboxStatus.Sent);

        var mail = Assert.Single(smtp.Mails);
        Assert.Equal(["<bo@example.com>"], mail.To);
        Assert.Equal(SmtpTransport.MessageId(key, "ops@example.com"), mail.Header("Message-ID"));
        Assert.Equal(sent.Reference, mail.Header("Message-ID"));
        Assert.Contains("text/html", mail.Data);
    }
}
