using System.Globalization;
using System.Resources;
using OpsBot.Chat;

namespace OpsBot.Formatting;

/// <summary>
/// User-facing text from a feature's resource file (<c>XxxText.resx</c> and <c>XxxText.de.resx</c>), in
/// <c>OpsBot:Culture</c>. A missing key throws, so a typo fails a test instead of showing a blank.
/// </summary>
public sealed class OpsText(OpsFormat format)
{
    public CultureInfo Culture => format.Culture;

    public Texts Of(ResourceManager resources) => new(resources, Culture);
}

public sealed class Texts(ResourceManager resources, CultureInfo culture)
{
    public string this[string key] => resources.GetString(key, culture)
        ?? throw new MissingManifestResourceException($"No text '{key}' in {resources.BaseName}.");

    /// <summary>The text if the resource has it: for optional translations of English defaults held in code.</summary>
    public string? Find(string key) => resources.GetString(key, culture);

    public string Format(string key, params object?[] args) => string.Format(culture, this[key], args);

    /// <summary>The text as rich text: markup from the template, arguments literal (see <see cref="RichText.Format"/>).</summary>
    public RichText Rich(string key, params object?[] args) => RichText.Format(culture, this[key], args);
}
