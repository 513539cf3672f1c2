using System.Resources;

namespace OpsBot.Chat;

/// <summary>The conversation core's own texts (argument errors, failures) in ChatText.resx.</summary>
internal static class ChatText
{
    public static readonly ResourceManager Resources = new(typeof(ChatText));
}
