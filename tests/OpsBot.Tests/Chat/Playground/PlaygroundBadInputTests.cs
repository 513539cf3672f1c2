using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpsBot.Chat.Playground;
using OpsBot.Data;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>Every refusal answers 400/404 with a sentence saying what was wrong, and stores nothing.</summary>
public sealed class PlaygroundBadInputTests : IAsyncLifetime
{
    private PlaygroundClient playground = null!;

    public async Task InitializeAsync() => playground = await StartAsync();

    public async Task DisposeAsync()
    {
        await playground.Host.DisposeAsync();
        playground.Host.Database.Dispose();
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string says, int storedBefore = 0)
    {
        Assert.Equal(status, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(says, error.GetProperty("error").GetString());
        Assert.Equal(storedBefore, await playground.StoredAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("/ radar")]
    [InlineData("radar 6")]
    public async Task Run_NoSlashCommand_Is400(string text) =>
        await AssertRefusedAsync(await playground.RunAsync(PlaygroundChannel.OpsDaily, AsApprover, text), HttpStatusCode.BadRequest, "Type a slash command");

    [Fact]
    public async Task Run_LongerThanSlackAllows_Is400() =>
        await AssertRefusedAsync(await playground.RunAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample " + new string('x', CommandLine.MaxLength)),
            HttpStatusCode.BadRequest, "at most 2000 characters");

    [Fact]
    public async Task Run_UnknownChannel_Is404() =>
        await AssertRefusedAsync(await playground.RunAsync("ops-random", AsApprover, "/sample"), HttpStatusCode.NotFound, "no channel 'ops-random'");

    [Fact]
    public async Task Run_DmOfUnknownCreator_Is404() =>
        await AssertRefusedAsync(await playground.RunAsync(PlaygroundChannel.CreatorDm("c_nobody"), AsApprover, "/sample"), HttpStatusCode.NotFound, "no channel");

    [Theory]
    [InlineData("nobody")]
    [InlineData("opsbot")]
    [InlineData("")]
    public async Task Run_UnknownIdentity_Is400(string identity) =>
        await AssertRefusedAsync(await playground.RunAsync(PlaygroundChannel.OpsDaily, identity, "/sample"), HttpStatusCode.BadRequest, "no playground identity");

    [Fact]
    public async Task List_UnknownIdentity_Is400() =>
        await AssertRefusedAsync(await playground.Host.Http.GetAsync(Api("/channels/ops-daily/messages")), HttpStatusCode.BadRequest, "no playground identity");

    [Fact]
    public async Task Press_UnknownMessage_Is404() =>
        await AssertRefusedAsync(await playground.PressAsync(999, AsApprover, "sample.ack:update"), HttpStatusCode.NotFound, "no message 999");

    [Fact]
    public async Task Press_ButtonTheMessageDoesNotCarry_Is400AndChangesNothing()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample");
        var replyId = run.GetProperty("reply").GetProperty("id").GetInt64();

        await AssertRefusedAsync(await playground.PressAsync(replyId, AsApprover, "sample.ack:forged"), HttpStatusCode.BadRequest, "no button 'sample.ack:forged'", storedBefore: 2);
        var listed = await playground.MessagesAsync(PlaygroundChannel.OpsDaily, AsApprover);
        Assert.Equal(BlockTypes(run.GetProperty("reply")), BlockTypes(listed[1]));
    }

    [Fact]
    public async Task Press_SomeoneElsesPrivateAnswer_Is404()
    {
        var replyId = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample")).GetProperty("reply").GetProperty("id").GetInt64();

        await AssertRefusedAsync(await playground.PressAsync(replyId, AsOps, "sample.ack:update"), HttpStatusCode.NotFound, $"no message {replyId}", storedBefore: 2);
    }

    [Theory]
    [InlineData("images/0")] // block 0 is the header, not an image
    [InlineData("images/99")]
    [InlineData("files/1")]
    public async Task Download_NothingAtThatIndex_Is404(string what)
    {
        var replyId = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample")).GetProperty("reply").GetProperty("id").GetInt64();

        await AssertRefusedAsync(await playground.Host.Http.GetAsync(Api($"/messages/{replyId}/{what}?as={AsApprover}")), HttpStatusCode.NotFound, $"Message {replyId} has no", storedBefore: 2);
    }

    [Fact]
    public async Task Run_InACreatorsDm_IsStoredThere()
    {
        await using (var db = playground.Host.Database.NewContext())
        {
            db.Creators.Add(new Creator { Id = "c_anna", Handle = "anna", HandleKey = "anna", DisplayName = "Anna", Currency = "EUR" });
            await db.SaveChangesAsync();
        }

        await playground.RunOkAsync(PlaygroundChannel.CreatorDm("c_anna"), AsCreator, "/sample");

        Assert.Equal(2, (await playground.MessagesAsync("dm:c_anna", AsCreator)).Length);
        Assert.Empty(await playground.MessagesAsync(PlaygroundChannel.OpsDaily, AsCreator));
    }
}
