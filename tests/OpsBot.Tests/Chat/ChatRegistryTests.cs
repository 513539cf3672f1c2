using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat;

/// <summary>
/// Every command and action the host registers, checked against every platform's limits. Features
/// merged later are picked up here without touching this test.
/// </summary>
public sealed partial class ChatRegistryTests(ChatHost chat) : IClassFixture<ChatHost>
{
    [Fact]
    public void Host_EveryRegistration_IsListedOnceUnderAUniqueName()
    {
        using var scope = chat.Host.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChatRegistry>();
        var commands = scope.ServiceProvider.GetServices<IChatCommand>().Select(c => c.Spec.Name).ToList();
        var actions = scope.ServiceProvider.GetServices<IChatAction>().Select(a => a.Name).ToList();

        Assert.Equal(commands.Order(StringComparer.Ordinal), registry.Commands.Select(c => c.Name));
        Assert.Equal(actions.Order(StringComparer.Ordinal), registry.ActionNames.Order(StringComparer.Ordinal));
        Assert.Equal(commands.Count, commands.Distinct().Count());
        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.Contains("echo", commands);
        Assert.Contains("echo.again", actions);
    }

    [Fact]
    public void Host_EveryCommand_IsWithinDiscordAndSlackLimits()
    {
        using var scope = chat.Host.Services.CreateScope();
        var specs = scope.ServiceProvider.GetRequiredService<ChatRegistry>().Commands;

        Assert.InRange(specs.Count, 1, 100); // Discord: 100 global chat commands (B3)
        foreach (var spec in specs)
        {
            Assert.Matches(DiscordName(), spec.Name);
            Assert.True(("/" + spec.Name).Length <= 32, $"Slack command /{spec.Name} is over 32 characters");
            Assert.InRange(spec.Description.Length, 1, 100);
            Assert.InRange(spec.AllOptions.Count, 0, 25);
            Assert.Equal(spec.AllOptions.Count, spec.AllOptions.Select(o => o.Name).Distinct().Count());
            foreach (var option in spec.AllOptions)
            {
                Assert.Matches(DiscordName(), option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.All(option.Choices ?? [], c => Assert.InRange(c.Length, 1, 100));
            }
            // The whole command as Discord counts it (names, descriptions, choices) stays under 8000 (B3).
            var size = spec.Name.Length + spec.Description.Length
                + spec.AllOptions.Sum(o => o.Name.Length + o.Description.Length + (o.Choices ?? []).Sum(c => 2 * c.Length));
            Assert.True(size <= 8000, $"/{spec.Name} is {size} characters");
        }
    }

    [Fact]
    public async Task Host_EveryButtonOfEveryAnswer_IsAValidIdOfARegisteredAction()
    {
        var checkedButtons = 0;
        await using var scope = chat.Host.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChatRegistry>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<ChatDispatcher>();
        var fitter = scope.ServiceProvider.GetRequiredService<MessageFitter>();
        foreach (var spec in registry.Commands)
        {
            // Without arguments, and with a handle for commands that need one (the test's own /echo).
            foreach (var text in new[] { "", "@anna" })
            {
                var reply = await dispatcher.RunCommandAsync(new ChatInvocation(spec.Name, chat.Actor, "C-ops", text), CancellationToken.None);
                var pressed = new List<ChatMessage> { reply.Message };
                foreach (var button in reply.Message.Buttons)
                {
                    var result = await dispatcher.RunActionAsync(button.ActionId, chat.Actor, "C-ops", "m-1", CancellationToken.None);
                    pressed.AddRange(new[] { result.Reply, result.UpdateOriginal }.OfType<ChatMessage>());
                }
                foreach (var limits in new[] { MessageLimits.Slack, MessageLimits.Discord })
                    foreach (var button in pressed.SelectMany(m => fitter.Fit(m, limits).Buttons))
                    {
                        Assert.True(ActionId.TryParse(button.ActionId, out var id), $"/{spec.Name}: '{button.ActionId}' is not an action id");
                        Assert.True(button.ActionId.Length <= ActionId.MaxLength);
                        Assert.True(registry.Action(id) is not null, $"/{spec.Name}: no action handles '{button.ActionId}'");
                        checkedButtons++;
                    }
            }
        }
        Assert.True(checkedButtons > 0);
    }

    [Theory]
    [InlineData("Radar", "Command /Radar: name must be lower-case")]
    [InlineData("a-name-that-is-longer-than-32-chars", "at most 32")]
    public void Registry_BadCommandName_Throws(string name, string problem)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Registry(new CommandSpec(name, "SLA radar", [])));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Registry_DescriptionOver100Characters_ThrowsNamingTheCommand()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Registry(new CommandSpec("radar", new string('x', 101), [])));
        Assert.Equal("Command /radar: description must be 1–100 characters.", e.Message);
    }

    [Fact]
    public void Registry_RequiredOptionAfterOptional_Throws()
    {
        var spec = new CommandSpec("creator", "A creator's card",
            [new OptionSpec("hours", "Hours", OptionKind.Number), new OptionSpec("handle", "Whose card", OptionKind.Handle, Required: true)]);

        var e = Assert.Throws<InvalidOperationException>(() => Registry(spec));
        Assert.Equal("Command /creator: required options must come first.", e.Message);
    }

    [Fact]
    public void Registry_TwoCommandsWithOneName_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Registry(new CommandSpec("radar", "One", []), new CommandSpec("radar", "Two", [])));
        Assert.Equal("Two commands are named 'radar'.", e.Message);
    }

    [Theory]
    [InlineData("approve", "Action name 'approve' is not feature.verb.")]
    [InlineData("echo.again", "Two actions are named 'echo.again'.")]
    public void Registry_BadActionName_Throws(string name, string message)
    {
        var actions = new[] { new NamedAction("echo.again"), new NamedAction(name) };

        var e = Assert.Throws<InvalidOperationException>(() => new ChatRegistry([], actions));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task HostStart_BadRegistration_FailsWithTheRegistryMessage()
    {
        using var db = new TestDatabase();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartAsync(database: db, services: s => s.AddChatCommand<UpperCaseCommand>()));

        Assert.StartsWith("Command /Radar: name must be lower-case", e.Message);
    }

    private static ChatRegistry Registry(params CommandSpec[] specs) => new(specs.Select(s => new SpecCommand(s)), []);

    [GeneratedRegex(@"^[-_\p{Ll}\p{N}]{1,32}$")]
    private static partial Regex DiscordName();

    private sealed class SpecCommand(CommandSpec spec) : IChatCommand
    {
        public CommandSpec Spec => spec;

        public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) => throw new NotSupportedException();
    }

    private sealed class UpperCaseCommand : IChatCommand
    {
        public CommandSpec Spec { get; } = new("Radar", "SLA radar", []);

        public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) => throw new NotSupportedException();
    }

    private sealed class NamedAction(string name) : IChatAction
    {
        public string Name => name;

        public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct) => throw new NotSupportedException();
    }
}
