using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using OpsBot.Tests.Fixtures;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The channels, PostAsync for features that post on their own, and the identities.</summary>
public sealed class PlaygroundChannelTests : IAsyncLifetime
{
    private PlaygroundClient playground = null!;

    public async Task InitializeAsync()
    {
        playground = await StartAsync();
        await using var db = playground.Host.Database.NewContext();
        db.Creators.AddRange(
            new Creator { Id = "c_2", Handle = "Zoe.Lang", HandleKey = "zoe.lang", DisplayName = "Zoe Lang", Currency = "EUR" },
            new Creator { Id = "c_1", Handle = "anna", HandleKey = "anna", DisplayName = "Anna Berg", Currency = "EUR" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await playground.Host.DisposeAsync();
        playground.Host.Database.Dispose();
    }

    private async Task<T> InScopeAsync<T>(Func<PlaygroundChannel, Task<T>> use)
    {
        await using var scope = playground.Host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PlaygroundChannel>());
    }

    [Fact]
    public async Task List_TeamChannelsThenCreatorDmsByHandle()
    {
        var channels = await InScopeAsync(c => c.ListAsync(CancellationToken.None));

        Assert.Equal(["ops-daily", "ops-alerts", "ops-approvals", "dm:c_1", "dm:c_2"], channels.Select(c => c.Id));
        Assert.Equal(("Zoe.Lang", ChannelKind.Dm, "Zoe Lang"), (channels[4].Name, channels[4].Kind, channels[4].Title));
    }

    [Fact]
    public async Task Post_IntoATeamChannel_EveryoneSeesItFromOpsBot()
    {
        var id = await InScopeAsync(c => c.PostAsync(PlaygroundChannel.OpsAlerts, new ChatMessage("Alert", new HeaderBlock("3 threads overdue")), CancellationToken.None));

        foreach (var identity in new[] { AsApprover, AsOps, AsCreator })
        {
            var listed = Assert.Single(await playground.MessagesAsync(PlaygroundChannel.OpsAlerts, identity));
            Assert.Equal((id, true, false, "3 threads overdue"),
                (listed.GetProperty("id").GetInt64(), listed.GetProperty("fromBot").GetBoolean(), listed.GetProperty("private").GetBoolean(), Text(listed)));
        }
    }

    [Fact]
    public async Task Post_IntoACreatorsDm_ShowsThere()
    {
        await InScopeAsync(c => c.PostAsync(PlaygroundChannel.CreatorDm("c_1"), new ChatMessage("Nudge", new HeaderBlock("2 questions wait")), CancellationToken.None));

        Assert.Equal("2 questions wait", Text(Assert.Single(await playground.MessagesAsync("dm:c_1", AsCreator))));
    }

    [Fact]
    public async Task Post_IntoAnUnknownChannel_ThrowsAndStoresNothing()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            InScopeAsync(c => c.PostAsync("dm:c_404", new ChatMessage("x", new HeaderBlock("x")), CancellationToken.None)));

        Assert.Contains("dm:c_404", e.Message);
        Assert.Equal(0, await playground.StoredAsync());
    }

    [Fact]
    public void Identities_DefaultToAnApproverAnOpsMemberAndACreator()
    {
        var identities = playground.Host.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Identities;

        Assert.Equal([PlaygroundRole.Approver, PlaygroundRole.Ops, PlaygroundRole.Creator], identities.Select(i => i.Role));
        Assert.Equal([AsApprover, AsOps, AsCreator], identities.Select(i => i.Id));
    }

    [Fact]
    public async Task Identities_Configured_ReplaceTheDefaults()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Playground:Identities:0:Id"] = "lea", ["Playground:Identities:0:Name"] = "Lea", ["Playground:Identities:0:Role"] = "Approver",
        });

        var identities = host.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Identities;
        host.Database.Dispose();

        Assert.Equal(("lea", "Lea", PlaygroundRole.Approver), (Assert.Single(identities).Id, identities[0].Name, identities[0].Role));
    }

    [Fact]
    public async Task Identities_TwiceTheSameId_FailAtStart()
    {
        using var database = new TestDatabase();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Playground:Identities:0:Id"] = "lea", ["Playground:Identities:0:Name"] = "Lea",
            ["Playground:Identities:1:Id"] = "lea", ["Playground:Identities:1:Name"] = "Lea again",
        }, database: database));

        Assert.Contains("Playground:Identities", e.Message);
    }
}
