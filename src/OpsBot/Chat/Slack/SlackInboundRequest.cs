namespace OpsBot.Chat.Slack;

/// <summary>
/// A request whose Slack signature held (see <see cref="SlackVerification"/>): the raw body, and for form posts
/// its fields, parsed from those same verified bytes so nothing unsigned can slip in between.
/// </summary>
public sealed record SlackInboundRequest(byte[] Body, IReadOnlyDictionary<string, string> Form)
{
    public string? Field(string name) => Form.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;

    /// <summary>The verified request of an endpoint mapped by <see cref="SlackEndpoints.MapSlack"/>.</summary>
    public static SlackInboundRequest Of(HttpContext http) => http.Features.Get<SlackInboundRequest>()
        ?? throw new InvalidOperationException("This request did not pass SlackVerification: map Slack endpoints with MapSlack.");
}
