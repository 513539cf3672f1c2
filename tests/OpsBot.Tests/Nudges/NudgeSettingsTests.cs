using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Nudges;
using OpsBot.Nudges.Email;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Nudges;

/// <summary>Configuration read and checked at start, the email's HTML, and who may stop a creator's reminders.</summary>
public sealed class NudgeSettingsTests
{
    [Fact]
    public async Task Configuration_BindsOffsetsQuietHoursAndEmail()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Nudges:Offsets:0"] = "12:00:00", ["Nudges:Offsets:1"] = "02:00:00", ["Nudges:Offsets:2"] = "06:00:00",
            ["Nudges:QuietHours:Start"] = "23:30", ["Nudges:QuietHours:End"] = "07:00",
            ["Email:From"] = "ops@example.com", ["Email:Smtp:Host"] = "smtp.example.com",
        });

        var nudges = host.Services.GetRequiredService<IOptions<NudgeOptions>>().Value;
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12)], nudges.OffsetsInForce);
        Assert.Equal((new TimeOnly(23, 30), new TimeOnly(7, 0)), (nudges.QuietHours.Start, nudges.QuietHours.End));
        Assert.Equal(EmailTransportKind.Smtp, host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Transport);
    }

    [Fact]
    public async Task Defaults_TwelveHours_TenPmToEightAm_NoEmail()
    {
        await using var host = await TestHost.StartAsync();

        var nudges = host.Services.GetRequiredService<IOptions<NudgeOptions>>().Value;
        Assert.Equal([TimeSpan.FromHours(12)], nudges.OffsetsInForce);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(8, 0)), (nudges.QuietHours.Start, nudges.QuietHours.End));
        Assert.Null(nudges.LinkTo("t1"));
        Assert.False(host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Configured);
    }

    [Theory]
    [InlineData("Nudges:Offsets:0", "00:00:00", "Nudges:Offsets '00:00:00' must be whole minutes")]
    [InlineData("Nudges:Offsets:0", "00:00:30", "must be whole minutes")]
    [InlineData("Nudges:ThreadUrl", "https://app.example.com/threads", "must be an http(s) URL containing {threadId}")]
    [InlineData("Email:Smtp:Host", "smtp.example.com", "Email:From is required")]
    public async Task BadSettings_StopTheStart_NamingTheKey(string key, string value, string problem)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void EmailHtml_EscapesText_LinksAddresses_AndLeavesOutButtons()
    {
        var message = new ChatMessage("x",
            new HeaderBlock("Fragen <fällig>"),
            new TextBlock(new RichText([new Span("due "), new Span("€29.99 & <b>", SpanStyle.Bold), new Span(" https://app.example.com/t/1?a=1&b=2\nnext")])),
            new ButtonsBlock([new ChatButton("nudges.optout:anna", "Stop these reminders")]));

        var html = EmailHtml.Render(message);

        Assert.Contains("<h2>Fragen &lt;fällig&gt;</h2>", html);
        Assert.Contains("<strong>€29.99 &amp; &lt;b&gt;</strong>", html);
        Assert.Contains("<a href=\"https://app.example.com/t/1?a=1&amp;b=2\">https://app.example.com/t/1?a=1&amp;b=2</a><br>next", html);
        Assert.DoesNotContain("Stop these reminders", html);
    }

    [Fact]
    public async Task StopTheseReminders_PressedOutsideTheCreatorsDm_IsRefused_AndChangesNothing()
    {
        using var database = new TestDatabase();
        await database.AddAsync(NudgeData.Creator("c_anna", "anna", slackUserId: "U_ANNA"));
        await using var slice = new SweepSlice(database, DateTimeOffset.Parse("2026-11-20T13:00:00Z"));

        var result = await slice.Chat.PressAsync(StopRemindersAction.IdFor("anna"));

        Assert.Contains("Only anna can stop their own reminders here", Assert.IsType<ChatMessage>(result.Reply).Fallback);
        await using var db = database.NewContext();
        Assert.Empty(db.CreatorNudgeSettings);
    }
}
