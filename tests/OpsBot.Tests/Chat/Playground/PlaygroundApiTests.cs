using System.Net;
using OpsBot.Chat.Playground;
using static OpsBot.Tests.Chat.Playground.PlaygroundClient;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The playground's HTTP API through the real host and a real SQLite file.</summary>
public sealed class PlaygroundApiTests : IAsyncLifetime
{
    private PlaygroundClient playground = null!;

    public async Task InitializeAsync() => playground = await StartAsync();

    public async Task DisposeAsync()
    {
        await playground.Host.DisposeAsync();
        playground.Host.Database.Dispose();
    }

    [Fact]
    public async Task RunCommand_StoresEchoAndReply_ListedOldestFirst()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample 6 @anna");

        var listed = await playground.MessagesAsync(PlaygroundChannel.OpsDaily, AsApprover);
        Assert.Equal(2, await playground.StoredAsync());
        Assert.Equal([run.GetProperty("echo").GetProperty("id").GetInt64(), run.GetProperty("reply").GetProperty("id").GetInt64()],
            listed.Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(("mara", false, "/sample 6 @anna"), (listed[0].GetProperty("author").GetString(), listed[0].GetProperty("fromBot").GetBoolean(), Text(listed[0])));
        Assert.True(listed[1].GetProperty("fromBot").GetBoolean());
        Assert.Equal(["header", "text", "fields", "table", "context", "image", "buttons"], BlockTypes(listed[1]));
        var table = listed[1].GetProperty("message").GetProperty("blocks")[3];
        Assert.Equal((3, 7, 4), (table.GetProperty("rows").GetArrayLength(), table.GetProperty("totalRows").GetInt32(), table.GetProperty("hidden").GetInt32()));
        Assert.Contains("6 hours", Text(listed[1]));
        Assert.Equal("sample.csv", listed[1].GetProperty("message").GetProperty("files")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListMessages_SendsNoBytes_ImagesAndFilesGoByUrl()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample");

        var reply = run.GetProperty("reply").GetProperty("message");
        Assert.False(reply.GetProperty("blocks")[5].TryGetProperty("png", out _));
        Assert.False(reply.GetProperty("files")[0].TryGetProperty("content", out _));
        Assert.Equal("Bars rising left to right", reply.GetProperty("blocks")[5].GetProperty("altText").GetString());
    }

    [Fact]
    public async Task PrivateAnswer_IsSeenOnlyByTheAsker()
    {
        await playground.RunOkAsync(PlaygroundChannel.OpsAlerts, AsApprover, "/sample");

        var asker = await playground.MessagesAsync(PlaygroundChannel.OpsAlerts, AsApprover);
        Assert.Equal(2, asker.Length);
        Assert.All(asker, m => Assert.True(m.GetProperty("private").GetBoolean()));
        Assert.Empty(await playground.MessagesAsync(PlaygroundChannel.OpsAlerts, AsOps));
    }

    [Fact]
    public async Task PublicAnswer_IsSeenByEveryone()
    {
        await playground.RunOkAsync(PlaygroundChannel.OpsAlerts, AsApprover, "/sample @anna public");

        var other = await playground.MessagesAsync(PlaygroundChannel.OpsAlerts, AsCreator);
        Assert.Equal(2, other.Length);
        Assert.All(other, m => Assert.False(m.GetProperty("private").GetBoolean()));
    }

    [Fact]
    public async Task Press_UpdatesTheMessageInPlace_AndRepliesOnlyToThePresser()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsApprovals, AsApprover, "/sample @anna public");
        var replyId = run.GetProperty("reply").GetProperty("id").GetInt64();

        var pressed = await OkJsonAsync(await playground.PressAsync(replyId, AsOps, "sample.ack:update"));

        Assert.Equal(replyId, pressed.GetProperty("updated").GetProperty("id").GetInt64());
        var presser = await playground.MessagesAsync(PlaygroundChannel.OpsApprovals, AsOps);
        Assert.Equal(3, presser.Length);
        Assert.Equal(replyId, presser[1].GetProperty("id").GetInt64());
        Assert.Contains("Acknowledged by Jonas (ops)", Text(presser[1]));
        Assert.Contains($"Noted, Jonas (ops) (message {replyId})", Text(presser[2]));
        Assert.True(presser[2].GetProperty("private").GetBoolean());
        var asker = await playground.MessagesAsync(PlaygroundChannel.OpsApprovals, AsApprover);
        Assert.Equal(2, asker.Length);
        Assert.Contains("Acknowledged by Jonas (ops)", Text(asker[1]));
    }

    [Fact]
    public async Task Press_ReplyOnly_LeavesTheMessageAsItWas()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample");
        var replyId = run.GetProperty("reply").GetProperty("id").GetInt64();

        var pressed = await OkJsonAsync(await playground.PressAsync(replyId, AsApprover, "sample.ack:reply"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, pressed.GetProperty("updated").ValueKind);
        var listed = await playground.MessagesAsync(PlaygroundChannel.OpsDaily, AsApprover);
        Assert.Equal(BlockTypes(run.GetProperty("reply")), BlockTypes(listed[1]));
        Assert.Equal(3, listed.Length);
    }

    [Fact]
    public async Task Downloads_ServeTheStoredImageAndFile_WithTheirContentTypes()
    {
        var replyId = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample")).GetProperty("reply").GetProperty("id").GetInt64();

        var image = await playground.Host.Http.GetAsync(Api($"/messages/{replyId}/images/5?as={AsApprover}"));
        var file = await playground.Host.Http.GetAsync(Api($"/messages/{replyId}/files/0?as={AsApprover}"));

        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleCommand.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "sample.csv"), (file.Content.Headers.ContentDisposition?.DispositionType, file.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal(SampleCommand.Csv, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Downloads_OfSomeoneElsesPrivateAnswer_AreNotFound()
    {
        var replyId = (await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsApprover, "/sample")).GetProperty("reply").GetProperty("id").GetInt64();

        var image = await playground.Host.Http.GetAsync(Api($"/messages/{replyId}/images/5?as={AsOps}"));
        var file = await playground.Host.Http.GetAsync(Api($"/messages/{replyId}/files/0?as={AsOps}"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (image.StatusCode, file.StatusCode));
    }

    [Fact]
    public async Task UnknownCommand_AnswersPrivatelyWithTheDispatchersHelp()
    {
        var run = await playground.RunOkAsync(PlaygroundChannel.OpsDaily, AsOps, "/nonsense 3");

        Assert.Contains("/nonsense", Text(run.GetProperty("echo")));
        Assert.Contains("There is no command /nonsense", Text(run.GetProperty("reply")));
        Assert.True(run.GetProperty("reply").GetProperty("private").GetBoolean());
    }
}
