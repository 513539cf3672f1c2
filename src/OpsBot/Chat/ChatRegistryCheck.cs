namespace OpsBot.Chat;

/// <summary>
/// Builds the <see cref="ChatRegistry"/> once at start, so a bad command or action registration (a
/// duplicate name, a description too long for Discord) stops the host with its message instead of
/// failing the first person who types a command.
/// </summary>
public sealed class ChatRegistryCheck(IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<ChatRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
