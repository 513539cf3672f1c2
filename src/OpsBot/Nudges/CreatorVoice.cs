using System.Globalization;
using Microsoft.Extensions.Options;
using OpsBot.Data;
using OpsBot.Formatting;

namespace OpsBot.Nudges;

/// <summary>How a creator is spoken to: in their language, with times in their zone.</summary>
public sealed record CreatorVoice(Texts Texts, OpsFormat Format)
{
    public CultureInfo Culture => Format.Culture;
}

/// <summary>
/// Picks each creator's voice: the language from <see cref="Creator.Locale"/> when it is German or English
/// (<c>de</c>, <c>de-AT</c>, <c>en_GB</c>…), else <c>OpsBot:Culture</c>; the zone from <see cref="Creator.TimeZone"/>
/// when it is a known IANA zone, else <c>OpsBot:TimeZone</c>.
/// </summary>
public sealed class CreatorVoices(IOptions<OpsBotOptions> options)
{
    private readonly Dictionary<(string Culture, string Zone), CreatorVoice> voices = [];

    public CreatorVoice For(Creator? creator)
    {
        var ops = options.Value;
        var culture = LanguageOf(creator?.Locale) ?? ops.Culture;
        var zone = creator?.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : ops.TimeZone;
        if (voices.TryGetValue((culture, zone), out var voice)) return voice;
        var format = new OpsFormat(new OpsBotOptions { Culture = culture, TimeZone = zone, Currency = ops.Currency });
        return voices[(culture, zone)] = new CreatorVoice(new Texts(NudgeText.Resources, format.Culture), format);
    }

    /// <summary>The time zone the creator's quiet hours are read in.</summary>
    public TimeZoneInfo ZoneOf(Creator? creator) => For(creator).Format.Zone;

    private static string? LanguageOf(string? locale) =>
        locale?.Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant() is ("de" or "en") and var language ? language : null;
}
