namespace OpsBot.Proposals.Execution;

/// <summary>Where the platform's API lives (<c>Platform:ApiBaseUrl</c>).</summary>
internal static class PlatformApi
{
    /// <summary>
    /// An absolute https URL, or http to this machine only (a local platform, the tests' fake): the bearer token must
    /// not cross a network in clear text. Ends in a slash, so <c>v1/refunds</c> follows a path like <c>/api</c>.
    /// </summary>
    public static bool TryBaseUrl(string? configured, out Uri? baseUrl)
    {
        baseUrl = null;
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var url)) return false;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return false;
        baseUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        return true;
    }
}
