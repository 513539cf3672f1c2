using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Ops;
using static OpsBot.Tests.Fixtures.MessageText;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Ops;

public sealed class OpsHelpTests(CommandStore store) : IClassFixture<CommandStore>
{
    private static Task<IReadOnlyList<CommandSpec>> CommandsAsync(ChatSlice slice) =>
        slice.InScopeAsync(s => Task.FromResult(s.GetRequiredService<ChatRegistry>().Commands));

    [Fact]
    public async Task Help_ListsEveryRegisteredCommandWithUsageDescriptionAndOptions()
    {
        var help = Of((await store.En.RunAsync("/ops help")).Message);

        var commands = await CommandsAsync(store.En);
        Assert.Contains(commands, c => c.Name == "radar");
        foreach (var spec in commands)
        {
            Assert.Contains($"{spec.Usage}: {spec.Description}", help);
            foreach (var option in spec.Options) Assert.Contains($"• {option.Name}: {option.Description}", help);
        }
        Assert.Contains("/ops [help|schedule|outbox|nudges|audit] [@subject] [public]", help);
        Assert.Contains("add public to any command", help);
    }

    [Fact]
    public async Task Ops_WithoutTopic_IsHelp()
    {
        var bare = await store.En.RunAsync("/ops");
        var help = await store.En.RunAsync("/ops help");

        Assert.Equal(Of(help.Message), Of(bare.Message));
    }

    [Fact]
    public async Task Ops_UnknownTopic_AnswersWithUsage()
    {
        var reply = await store.En.RunAsync("/ops dance");

        Assert.Equal("I did not understand dance. Usage: /ops [help|schedule|outbox|nudges|audit] [@subject] [public]", reply.Message.Fallback);
    }

    [Fact]
    public async Task Ops_SubjectForATopicThatTakesNone_IsRefused()
    {
        var reply = await store.En.RunAsync("/ops schedule @mara");

        Assert.Equal("I did not understand mara. Usage: /ops [help|schedule|outbox|nudges|audit] [@subject] [public]", reply.Message.Fallback);
    }

    [Fact]
    public async Task Help_InGerman_TranslatesDescriptions_AndFallsBackToEnglishForTheRest()
    {
        var help = Of((await store.De.RunAsync("/ops help")).Message);

        Assert.StartsWith("OpsBot-Befehle", help);
        Assert.Contains("/radar [hours] [@creator] [csv] [public]: Offene Threads nach Frist: überfällig, kritisch und das Geld im Risiko", help);
        Assert.Contains("• csv: Die ganze Liste als CSV-Datei anhängen", help);
        Assert.Contains("/creator <@handle> [public]: Karte eines Creators", help);
        Assert.Contains("• topic: Was angezeigt wird", help);
        Assert.DoesNotContain("Open threads by deadline", help);
    }

    [Fact]
    public async Task Topic_RegisteredByAnotherFeature_JoinsOpsWithoutEditingIt()
    {
        using var database = new Fixtures.TestDatabase();
        await using var slice = new ChatSlice(database.ConnectionString, CommandStore.Now,
            services: s => s.AddOpsTopic<PingTopic>());

        var reply = await slice.RunAsync("/ops ping public");

        Assert.Equal(("pong", true), (reply.Message.Fallback, reply.Public));
        Assert.Equal(["help", "schedule", "outbox", "nudges", "audit", "ping"], (await CommandsAsync(slice)).Single(c => c.Name == "ops").Options[0].Choices);
        Assert.Contains("/ops [help|schedule|outbox|nudges|audit|ping] [@subject] [public]", Of((await slice.RunAsync("/ops")).Message));
    }

    private sealed class PingTopic : IOpsTopic
    {
        public string Name => "ping";

        public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) =>
            Task.FromResult(new ChatMessage("pong", new TextBlock(RichText.Plain("pong"))));
    }
}
