using System.Globalization;
using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Metrics;

namespace OpsBot.Radar;

/// <summary><c>/radar [hours] [@creator] [csv]</c>: the open threads, most urgent first, as of now.</summary>
public sealed class RadarCommand(RadarQuery query, RadarMessage message, CreatorCards creators, TimeProvider clock) : IChatCommand
{
    /// <summary>The same upper bound as <c>OpsBot:WarnHours</c>: 30 days.</summary>
    public const double MaxWarnHours = 24 * 30;

    public CommandSpec Spec { get; } = new("radar", "Open threads by deadline: overdue, critical, and the money at risk",
    [
        new OptionSpec("hours", "Threads with fewer hours left are critical (default: the configured warn hours)", OptionKind.Number),
        new OptionSpec("creator", "Only this creator's threads", OptionKind.Handle),
        new OptionSpec("csv", "Attach the whole list as a CSV file", OptionKind.Flag),
    ]);

    public async Task<ChatMessage> ExecuteAsync(CommandContext context, CancellationToken ct)
    {
        // The as-of time is fixed here, so the CSV button later gives exactly the list this message was cut from.
        var request = new RadarRequest(clock.GetUtcNow(), WarnHours(context.Args), context.Args.Handle("creator"));
        return await query.RunAsync(request, ct) is { } radar
            ? message.Build(radar, request, attachCsv: context.Args.Flag("csv"))
            : await creators.UnknownAsync(request.CreatorHandle!, ct);
    }

    /// <summary>
    /// At most 30 days and two decimals ("1.5", "0.25"): more precision means nothing to a deadline, and
    /// it keeps the CSV button's id within 100 characters.
    /// </summary>
    private double? WarnHours(CommandArgs args)
    {
        if (args.Number("hours") is not { } hours) return null;
        if (hours > MaxWarnHours || Math.Round(hours, 2) != hours)
            throw new CommandUsageException(Spec, ChatErrors.Invalid, hours.ToString(CultureInfo.InvariantCulture), "hours");
        return hours;
    }
}
