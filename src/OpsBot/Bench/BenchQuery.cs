namespace OpsBot.Bench;

/// <summary>A query the bench times: resolved from a fresh DI scope per run, as a request or command would.</summary>
public sealed record BenchQuery(string Name, double TargetMs, Func<IServiceProvider, CancellationToken, Task> Run, string? Note = null);
