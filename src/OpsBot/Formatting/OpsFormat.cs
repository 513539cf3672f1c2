using System.Collections.Concurrent;
using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Options;
using OpsBot.Chat;

namespace OpsBot.Formatting;

/// <summary>
/// How the ops team reads numbers wherever OpsBot shows them (the CLI now, chat messages later): money
/// from minor units in the deployment's currency, instants in the ops time zone, durations humanized,
/// all in <c>OpsBot:Culture</c> (<c>en</c> or <c>de</c>). Labels stay with the caller; this only formats values.
/// </summary>
public sealed class OpsFormat
{
    private static readonly string[] SupportedLanguages = ["en", "de"];
    private readonly ConcurrentDictionary<string, NumberFormatInfo> moneyFormats = new();
    private readonly string currency;
    private readonly string overdueBy;

    public OpsFormat(IOptions<OpsBotOptions> options) : this(options.Value) { }

    public OpsFormat(OpsBotOptions options)
    {
        Culture = CultureInfo.GetCultureInfo(options.Culture);
        if (!SupportedLanguages.Contains(Culture.TwoLetterISOLanguageName))
            throw new InvalidOperationException($"OpsBot:Culture '{options.Culture}' is not supported: use en or de.");
        Zone = options.Zone;
        currency = options.Currency;
        // OpsText is built on OpsFormat, so the format's own words are read from their resources directly.
        var texts = new Texts(FormatText.Resources, Culture);
        NotAvailable = texts["NotAvailable"];
        overdueBy = texts["OverdueBy"];
    }

    public CultureInfo Culture { get; }
    public TimeZoneInfo Zone { get; }

    /// <summary>What stands where a value cannot be computed: "n/a" / "k. A.".</summary>
    public string NotAvailable { get; }

    /// <summary>Minor units as money: 2999 EUR is "€29.99" in en and "29,99 €" in de.</summary>
    public string Money(long minor, string? currencyCode = null)
    {
        var format = moneyFormats.GetOrAdd(currencyCode ?? currency, code => Currencies.FormatFor(code, Culture));
        return (minor / Currencies.MinorPerMajor(format.CurrencyDecimalDigits)).ToString("C", format);
    }

    /// <summary>An instant as the ops team's wall clock, with its offset so DST days stay unambiguous: "2026-11-20 10:00 +01:00".</summary>
    public string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>An instant for a chat message: platforms that can show it in the reader's own zone do, the rest show <see cref="Time"/>.</summary>
    public TimeValue TimeValue(DateTimeOffset t) => new(t, Time(t));

    /// <summary>A duration in words, two units at most: "3 hours, 20 minutes" / "3 Stunden, 20 Minuten".</summary>
    public string Duration(TimeSpan span) => span.Duration().Humanize(precision: 2, countEmptyUnits: true, culture: Culture, minUnit: TimeUnit.Second);

    /// <summary>Time left until a deadline; a negative remainder reads "overdue by 3 hours".</summary>
    public string TimeLeft(long remainingMs)
    {
        var text = Duration(TimeSpan.FromMilliseconds(remainingMs));
        return remainingMs < 0 ? string.Format(Culture, overdueBy, text) : text;
    }

    /// <summary>A fraction as a percentage with one decimal ("87.5%", "87,5 %"); nothing to divide by → <see cref="NotAvailable"/>.</summary>
    public string Percent(double? fraction) => fraction is { } f ? f.ToString("P1", Culture) : NotAvailable;

    /// <summary>Hours with at most one decimal: "3.5 h".</summary>
    public string Hours(double? hours) => hours is { } h ? h.ToString("#,0.#", Culture) + " h" : NotAvailable;

    public string Number(long n) => n.ToString("#,0", Culture);
}
