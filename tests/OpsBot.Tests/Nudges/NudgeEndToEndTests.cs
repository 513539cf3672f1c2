using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Chat.Slack;
using OpsBot.Data;
using OpsBot.Nudges;
using OpsBot.Schedules;
using OpsBot.Tests.Chat.Outbox;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Nudges.NudgeData;
using static OpsBot.Tests.Nudges.NudgeHost;

namespace OpsBot.Tests.Nudges;

/// <summary>Real host → runner → sweep → outbox → the playground or a fake Slack.</summary>
public sealed class NudgeEndToEndTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public async Task Playground_CreatorGetsOneDm_StopsTheReminders_AndOpsSeesIt()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"),
            Thread("t1", "c_anna", SweepAt + H(11)), Thread("t2", "c_anna", SweepAt + H(4)));
        await using var host = await NudgeHost.StartAsync(database);
        var playground = new PlaygroundClient(host);

        var report = await host.SweepAsync();

        Assert.Contains(report.Ran, r => r.Job == NudgeSweepJob.JobName && r.Outcome == JobOutcome.Succeeded);
        var dm = Assert.Single(await EventuallyAsync(() => database.PlaygroundPostsAsync(PlaygroundChannel.CreatorDm("c_anna")), p => p.Count > 0, "the DM"));
        var reminder = ChatMessageJson.Deserialize(dm.Content);
        Assert.StartsWith("2 questions are due within 12 hours", reminder.Fallback);

        var pressed = await PlaygroundClient.OkJsonAsync(await playground.PressAsync(dm.Id, PlaygroundClient.AsCreator, Assert.Single(reminder.Buttons).ActionId));
        Assert.Contains("OpsBot will not remind you of deadlines any more", PlaygroundClient.Text(pressed.GetProperty("reply")));

        var listing = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, PlaygroundClient.AsOps, "/ops nudges @anna");
        var text = PlaygroundClient.Text(listing.GetProperty("reply"));
        Assert.Contains("Nudges for anna: stopped by A creator (playground:creator)", text);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Nudges.CountAsync(n => n.Status == NudgeStatus.Sent));
    }

    [Fact]
    public async Task TwoHostsOnOneStore_SweepOnce_AndTheCreatorGetsOneDm()
    {
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Thread("t1", "c_anna", SweepAt + H(11)));
        await using var one = await NudgeHost.StartAsync(database);
        await using var two = await NudgeHost.StartAsync(database);

        await Task.WhenAll(one.SweepAsync(), two.SweepAsync());
        await EventuallyAsync(() => database.PlaygroundPostsAsync(PlaygroundChannel.CreatorDm("c_anna")), p => p.Count > 0, "the DM");
        // Give a wrongly duplicated DM the chance to show up before counting.
        await Task.Delay(300);

        Assert.Single(await database.PlaygroundPostsAsync(PlaygroundChannel.CreatorDm("c_anna")));
        Assert.Single(await database.NudgesAsync());
        await using var db = database.NewContext();
        Assert.Single(await db.JobRuns.Where(r => r.Job == NudgeSweepJob.JobName).ToListAsync());
    }

    [Fact]
    public async Task Slack_DmsTheCreatorWithASlackUser_AndListsTheOneWithoutInAlerts()
    {
        await using var slack = await FakeSlack.StartAsync();
        await database.AddAsync(Creator("c_anna", "anna", slackUserId: "U_ANNA"), Creator("c_bo", "bo", email: "bo@example.com"),
            Thread("t1", "c_anna", SweepAt + H(11)), Thread("t2", "c_bo", SweepAt + H(3)));
        await using var host = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:Channels:Alerts"] = "C_ALERTS",
        });

        await host.SweepAsync();

        var posts = await EventuallyAsync(() => Task.FromResult(slack.CallsTo("chat.postMessage")), p => p.Count >= 2, "two Slack posts");
        Assert.Equal(["C_ALERTS", "DU_ANNA"], posts.Select(p => p.Arg("channel")).Order());
        Assert.StartsWith("1 question is due within 12 hours", posts.Single(p => p.Arg("channel") == "DU_ANNA").Arg("text"));
        Assert.Contains("Could not nudge 1 creator(s)", posts.Single(p => p.Arg("channel") == "C_ALERTS").Arg("text"));
        // bo's email was asked of Slack and is not in the workspace.
        Assert.Equal("bo@example.com", Assert.Single(slack.CallsTo("users.lookupByEmail")).Arg("email"));
    }

    [Fact]
    public async Task Slack_LookupFailsOnce_NeitherEmailNorCouldNotNudge_TheNextSweepSendsTheDm()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.UsersByEmail["bo@example.com"] = "U_BO";
        slack.FailNext("users.lookupByEmail", "internal_error");
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"), Thread("t1", "c_bo", SweepAt + H(11)));
        await using var host = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:Channels:Alerts"] = "C_ALERTS",
            ["Email:From"] = "ops@example.com",
            ["Email:Resend:ApiKey"] = "re_test",
            ["Email:Resend:BaseUrl"] = "http://127.0.0.1:9/",
        });

        await host.SweepAsync();
        Assert.Empty(await database.NudgesAsync());
        Assert.Empty(await database.OutboxAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await host.Services.GetRequiredService<JobRunner>().TickAsync(CancellationToken.None);

        var post = Assert.Single(await EventuallyAsync(() => Task.FromResult(slack.CallsTo("chat.postMessage")), p => p.Count >= 1, "the DM"));
        Assert.Equal("DU_BO", post.Arg("channel"));
        var nudge = Assert.Single(await database.NudgesAsync());
        Assert.Equal((NudgeStatus.Sent, NudgeVia.Dm), (nudge.Status, nudge.Via));
    }

    [Fact]
    public async Task Slack_StopTheseReminders_WhileSlackCannotSayWhoPressed_AsksToTryLater_AndChangesNothing()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.UsersByEmail["bo@example.com"] = "U_BO";
        slack.FailNext("users.lookupByEmail", "internal_error");
        await database.AddAsync(Creator("c_bo", "bo", email: "bo@example.com"));
        await using var host = await NudgeHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        });

        ActionResult result;
        await using (var scope = host.Services.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<ChatDispatcher>().RunActionAsync(
                StopRemindersAction.IdFor("bo"), new ChatActor(SlackInboundServices.Platform, "U_BO", "Bo"), "DU_BO", "1.0", CancellationToken.None);

        Assert.StartsWith("OpsBot could not check with Slack just now", result.Reply!.Fallback);
        await using var db = database.NewContext();
        Assert.Empty(await db.CreatorNudgeSettings.ToListAsync());
    }
}
