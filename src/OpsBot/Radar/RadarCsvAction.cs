using System.Globalization;
using OpsBot.Chat;
using OpsBot.Creators;
using OpsBot.Formatting;
using OpsBot.Metrics;

namespace OpsBot.Radar;

/// <summary>
/// The radar's "CSV" button: the whole list the message was cut from, as of the message's time (so the
/// file matches the table above it, however late the click). Its id carries the request:
/// <c>radar.csv:&lt;as-of Unix ms&gt;|&lt;hours or empty&gt;|&lt;handle or empty&gt;</c>.
/// </summary>
public sealed class RadarCsvAction(RadarQuery query, CreatorCards creators, OpsFormat format, OpsText text) : IChatAction
{
    public const string ActionName = "radar.csv";

    public string Name => ActionName;

    /// <summary>At most 10 + 13 + 1 + 6 ("720.25") + 1 + 64 (a handle) = 95 characters.</summary>
    public static string IdFor(RadarRequest request)
    {
        var asOf = request.AsOf ?? throw new ArgumentException("The CSV button needs the radar's as-of time.", nameof(request));
        var hours = request.WarnHours?.ToString("R", CultureInfo.InvariantCulture);
        return ActionId.Create(ActionName, $"{asOf.ToUnixTimeMilliseconds()}|{hours}|{request.CreatorHandle}").ToString();
    }

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken ct)
    {
        if (Parse(context.Action.Argument) is not { } request)
            return new ActionResult(Reply: Message(text.Of(ChatText.Resources).Rich("Error.UnknownAction")));
        if (await query.RunAsync(request, ct) is not { } radar)
            return new ActionResult(Reply: await creators.UnknownAsync(request.CreatorHandle!, ct));
        var reply = text.Of(RadarText.Resources).Rich("Csv.Reply", radar.Threads.Count, format.TimeValue(radar.AsOf));
        return new ActionResult(Reply: Message(reply).WithFiles(RadarCsv.File(radar)));
    }

    private static RadarRequest? Parse(string argument)
    {
        var parts = argument.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var asOfMs)
            || asOfMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()) return null;
        double? hours = null;
        if (parts[1].Length > 0)
        {
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || !(h > 0)) return null;
            hours = h;
        }
        return new RadarRequest(DateTimeOffset.FromUnixTimeMilliseconds(asOfMs), hours, parts[2].Length > 0 ? parts[2] : null);
    }

    private static ChatMessage Message(RichText text) => new(text.ToString(), new TextBlock(text));
}
