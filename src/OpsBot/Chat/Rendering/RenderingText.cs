using System.Resources;

namespace OpsBot.Chat.Rendering;

/// <summary>The words renderers and the fitter add to a message ("… and 37 more") in RenderingText.resx.</summary>
internal static class RenderingText
{
    public static readonly ResourceManager Resources = new(typeof(RenderingText));
}
