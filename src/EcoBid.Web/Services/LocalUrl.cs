namespace EcoBid.Web.Services;

/// <summary>Return addresses after sign-in: only paths on this site, never another host (open redirects).</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
