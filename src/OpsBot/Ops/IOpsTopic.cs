using OpsBot.Chat;

namespace OpsBot.Ops;

/// <summary>
/// One answer of <c>/ops &lt;topic&gt;</c> (<c>help</c>, <c>schedule</c>, <c>nudges</c>, <c>audit</c>, <c>outbox</c>).
/// A feature adds a topic by implementing this and calling <see cref="OpsTopics.AddOpsTopic{T}"/>: the
/// topic then appears among <c>/ops</c>'s choices, in help and in the platforms' registration, without
/// touching <see cref="OpsCommand"/>.
/// </summary>
public interface IOpsTopic
{
    /// <summary>The word typed after <c>/ops</c>: lower case, unique.</summary>
    string Name { get; }

    /// <summary>Whether the topic reads <see cref="OpsCommand.SubjectOption"/> (<c>/ops nudges @mara</c>); others refuse one.</summary>
    bool TakesSubject => false;

    Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct);
}

public static class OpsTopics
{
    public static IServiceCollection AddOpsTopic<T>(this IServiceCollection services) where T : class, IOpsTopic =>
        services.AddScoped<IOpsTopic, T>();
}
