using Microsoft.Extensions.Logging;
using OpsBot.Chat;
using OpsBot.Chat.Slack;

namespace OpsBot.Tests.Chat.Slack;

public sealed class SlackDirectoryTests
{
    private const string GroupMethod = "usergroups.users.list", EmailMethod = "users.lookupByEmail";

    [Fact]
    public async Task ChannelFor_EachKindGoesToItsConfiguredChannel_UnsetOrBlankIsNull()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:Channels:Daily"] = "CDAILY",
            ["Slack:Channels:Weekly"] = " CWEEKLY ",
            ["Slack:Channels:Alerts"] = "  ",
        });

        Assert.Equal("CDAILY", slack.Directory.ChannelFor(OpsChannel.Daily));
        Assert.Equal("CWEEKLY", slack.Directory.ChannelFor(OpsChannel.Weekly));
        Assert.Null(slack.Directory.ChannelFor(OpsChannel.Alerts));
        Assert.Null(slack.Directory.ChannelFor(OpsChannel.Approvals));
    }

    [Fact]
    public async Task IsApprover_ListedInApprovers_TrimmedCommaSeparated_WithoutAskingSlack()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?> { ["Slack:Approvers"] = " UMARA , UOLGA,," });

        Assert.True(await slack.Directory.IsApproverAsync("UMARA", default));
        Assert.True(await slack.Directory.IsApproverAsync("UOLGA", default));
        Assert.False(await slack.Directory.IsApproverAsync("UJONAS", default));
        Assert.False(await slack.Directory.IsApproverAsync("", default));
        Assert.Empty(slack.Slack.CallsTo(GroupMethod));
    }

    [Fact]
    public async Task IsApprover_MemberOfApproverGroup_IsApprover_OthersAreNot()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?> { ["Slack:ApproverGroup"] = "SAPPROVE" });
        slack.Slack.UserGroups["SAPPROVE"] = ["UMARA", "UOLGA"];

        Assert.True(await slack.Directory.IsApproverAsync("UOLGA", default));
        Assert.False(await slack.Directory.IsApproverAsync("UJONAS", default));
        Assert.Equal("SAPPROVE", Assert.Single(slack.Slack.CallsTo(GroupMethod)).Arg("usergroup"));
    }

    [Fact]
    public async Task IsApprover_GroupIsAskedAgainOnlyAfterApproverGroupCacheFor()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:ApproverGroup"] = "SAPPROVE",
            ["Slack:ApproverGroupCacheFor"] = "00:02:00",
        });
        slack.Slack.UserGroups["SAPPROVE"] = ["UMARA"];

        var first = await slack.Directory.IsApproverAsync("UJONAS", default);
        slack.Slack.UserGroups["SAPPROVE"] = ["UMARA", "UJONAS"];   // Jonas joins the group in Slack
        slack.Host.Clock.Advance(TimeSpan.FromSeconds(119));
        var withinTheWindow = await slack.Directory.IsApproverAsync("UJONAS", default);
        var callsWithinTheWindow = slack.Slack.CallsTo(GroupMethod).Count;
        slack.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await slack.Directory.IsApproverAsync("UJONAS", default);

        Assert.Equal((false, false, true), (first, withinTheWindow, afterExpiry));
        Assert.Equal(1, callsWithinTheWindow);
        Assert.Equal(2, slack.Slack.CallsTo(GroupMethod).Count);
    }

    [Fact]
    public async Task IsApprover_GroupCannotBeRead_FailsClosed_IsLogged_AndIsNotCached()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:Approvers"] = "UMARA",
            ["Slack:ApproverGroup"] = "SGONE",
        });

        var whileMissing = await slack.Directory.IsApproverAsync("UOLGA", default);
        var listedWhileMissing = await slack.Directory.IsApproverAsync("UMARA", default);
        slack.Slack.UserGroups["SGONE"] = ["UOLGA"];
        var onceReadable = await slack.Directory.IsApproverAsync("UOLGA", default);

        Assert.Equal((false, true, true), (whileMissing, listedWhileMissing, onceReadable));
        Assert.True(slack.Logged(LogLevel.Error, "SGONE"));
        Assert.Equal(2, slack.Slack.CallsTo(GroupMethod).Count);
    }

    [Fact]
    public async Task IsApprover_SlackAnswers500OnEveryTry_FailsClosed_AndIsNotCached()
    {
        await using var slack = await DirectoryHost.StartAsync(new Dictionary<string, string?> { ["Slack:ApproverGroup"] = "SAPPROVE" });
        slack.Slack.UserGroups["SAPPROVE"] = ["UOLGA"];
        for (var i = 0; i < SlackApiRetry.MaxAttempts; i++) slack.Slack.ServerErrorNext(GroupMethod);

        var whileDown = await slack.PassingRetryWaitsAsync(slack.Directory.IsApproverAsync("UOLGA", default));
        var onceUp = await slack.Directory.IsApproverAsync("UOLGA", default);

        Assert.Equal((false, true), (whileDown, onceUp));
        Assert.Equal(SlackApiRetry.MaxAttempts + 1, slack.Slack.CallsTo(GroupMethod).Count);
        Assert.True(slack.Logged(LogLevel.Error, "SAPPROVE"));
    }

    [Fact]
    public async Task CreatorUserId_FromTheFeed_WithoutAskingSlack()
    {
        await using var slack = await DirectoryHost.StartAsync();
        await slack.AddCreatorAsync("c_anna", "anna@example.com", slackUserId: "UANNA");
        slack.Slack.UsersByEmail["anna@example.com"] = "UOTHER";

        Assert.Equal("UANNA", await slack.Directory.CreatorUserIdAsync("c_anna", default));
        Assert.Empty(slack.Slack.CallsTo(EmailMethod));
    }

    [Fact]
    public async Task CreatorUserId_ByEmail_IsCachedADay()
    {
        await using var slack = await DirectoryHost.StartAsync();
        await slack.AddCreatorAsync("c_anna", "Anna@Example.com");
        slack.Slack.UsersByEmail["anna@example.com"] = "UANNA";

        var first = await slack.Directory.CreatorUserIdAsync("c_anna", default);
        slack.Host.Clock.Advance(SlackDirectory.FoundFor - TimeSpan.FromSeconds(1));
        var cached = await slack.Directory.CreatorUserIdAsync("c_anna", default);
        var callsWhileCached = slack.Slack.CallsTo(EmailMethod).Count;
        slack.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await slack.Directory.CreatorUserIdAsync("c_anna", default);

        Assert.Equal(("UANNA", "UANNA"), (first, cached));
        Assert.Equal("Anna@Example.com", slack.Slack.CallsTo(EmailMethod)[0].Arg("email"));
        Assert.Equal((1, 2), (callsWhileCached, slack.Slack.CallsTo(EmailMethod).Count));
    }

    [Fact]
    public async Task CreatorUserId_NotInTheWorkspace_IsNull_AndThatIsCachedForAnHour()
    {
        await using var slack = await DirectoryHost.StartAsync();
        await slack.AddCreatorAsync("c_bob", "bob@example.com");

        var first = await slack.Directory.CreatorUserIdAsync("c_bob", default);
        slack.Slack.UsersByEmail["bob@example.com"] = "UBOB";   // Bob joins the workspace
        var withinTheHour = await slack.Directory.CreatorUserIdAsync("c_bob", default);
        slack.Host.Clock.Advance(SlackDirectory.NotFoundFor);
        var afterTheHour = await slack.Directory.CreatorUserIdAsync("c_bob", default);

        Assert.Equal((null, null, "UBOB"), (first, withinTheHour, afterTheHour));
        Assert.Equal(2, slack.Slack.CallsTo(EmailMethod).Count);
    }

    [Fact]
    public async Task CreatorUserId_LookupFails_Throws_IsLogged_AndIsNotCached()
    {
        await using var slack = await DirectoryHost.StartAsync();
        await slack.AddCreatorAsync("c_anna", "anna@example.com");
        slack.Slack.UsersByEmail["anna@example.com"] = "UANNA";
        slack.Slack.FailNext(EmailMethod, "missing_scope");

        await Assert.ThrowsAsync<SlackLookupException>(() => slack.Directory.CreatorUserIdAsync("c_anna", default));
        var next = await slack.Directory.CreatorUserIdAsync("c_anna", default);

        Assert.Equal("UANNA", next);
        Assert.True(slack.Logged(LogLevel.Warning, "c_anna"));
        Assert.DoesNotContain(slack.Logs.Entries, e => e.Message.Contains("anna@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatorUserId_UnknownCreatorOrNoEmail_IsNull_WithoutAskingSlack()
    {
        await using var slack = await DirectoryHost.StartAsync();
        await slack.AddCreatorAsync("c_cleo", email: null);

        Assert.Null(await slack.Directory.CreatorUserIdAsync("c_cleo", default));
        Assert.Null(await slack.Directory.CreatorUserIdAsync("c_nobody", default));
        Assert.Empty(slack.Slack.CallsTo(EmailMethod));
    }
}
