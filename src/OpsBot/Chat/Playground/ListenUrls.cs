using System.Net;
using Microsoft.AspNetCore.Http;

namespace OpsBot.Chat.Playground;

/// <summary>Which of the addresses the host listens on other machines could reach.</summary>
public static class ListenUrls
{
    /// <summary>From <c>urls</c> (ASPNETCORE_URLS, --urls, the host's default) and <c>Kestrel:Endpoints</c>.</summary>
    public static IReadOnlyList<string> Remote(IConfiguration config) =>
    [
        .. (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .Where(url => !IsLoopback(url)),
    ];

    /// <summary>localhost, 127.0.0.0/8, ::1 and local sockets are loopback; <c>*</c>, <c>+</c>, 0.0.0.0 and names are not.</summary>
    public static bool IsLoopback(string url)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe || address.IsNamedPipe) return true;
        var host = address.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
