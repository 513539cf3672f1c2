using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpsBot.Chat;
using OpsBot.Chat.Rendering;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Chat;

/// <summary>The real host with test-only commands and actions registered the way features register theirs, and its log.</summary>
public sealed class ChatHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public LogCapture Logs { get; } = new();

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(services: s =>
    {
        s.AddChatCommand<EchoCommand>();
        s.AddChatCommand<BoomCommand>();
        s.AddChatAction<EchoAgainAction>();
        s.AddChatAction<EchoFailAction>();
        s.AddSingleton<ILoggerProvider>(Logs);
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public ChatActor Actor { get; } = new("playground", "ops-1", "Olga");
}

/// <summary><c>/echo @creator</c>: answers with the handle and two buttons.</summary>
internal sealed class EchoCommand(PlainTextRenderer plain) : IChatCommand
{
    public CommandSpec Spec { get; } = new("echo", "Repeat a creator's handle",
        [new OptionSpec("creator", "Whose handle", OptionKind.Handle, Required: true)]);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        var handle = context.Args.Handle("creator")!;
        return Task.FromResult(plain.Message(
            new TextBlock(RichText.Plain(handle)),
            new ButtonsBlock([new(ActionId.Create("echo.again", handle).ToString(), "Again"), new(ActionId.Create("echo.fail", handle).ToString(), "Fail")])));
    }
}

/// <summary><c>/boom</c>: a handler with a bug.</summary>
internal sealed class BoomCommand : IChatCommand
{
    public CommandSpec Spec { get; } = new("boom", "Fails on purpose", []);

    public Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct) => throw new BoomException();
}

internal sealed class EchoAgainAction(PlainTextRenderer plain) : IChatAction
{
    public string Name => "echo.again";

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct) =>
        Task.FromResult(new ActionResult(Reply: plain.Message(
            new TextBlock(RichText.Plain(context.Action.Argument)),
            new ButtonsBlock([new(ActionId.Create("echo.again", context.Action.Argument).ToString(), "Again")]))));
}

internal sealed class EchoFailAction : IChatAction
{
    public string Name => "echo.fail";

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct) => throw new BoomException();
}

internal sealed class BoomException() : Exception("the store went away");

/// <summary>Every log entry the host writes, with its exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
