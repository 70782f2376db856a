using Microsoft.AspNetCore.Components;

namespace EcoBid.Web.Services;

/// <summary>
/// The signed-in person of this request. Loads the sealed cookie once, and when the access token is about to expire
/// swaps the refresh token for new ones (rotation) and writes them back, so a person stays signed in for as long
/// as the API's refresh token lives.
/// </summary>
public sealed class WebSession(SessionCookie cookie, EcoBidApi api, RefreshCoalescer coalescer, TimeProvider clock)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(2);
    private Task<SignedInUser?>? _current;

    public Task<SignedInUser?> GetAsync() => _current ??= LoadAsync();

    /// <summary>The signed-in person, or a redirect to the sign-in page that comes back here.</summary>
    public async Task<SignedInUser> RequireAsync(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (await GetAsync() is { } user)
        {
            return user;
        }

        navigation.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri)));
        throw new InvalidOperationException("Unreachable: navigation ends the request.");
    }

    public void SignIn(TokenPair tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        cookie.Write(tokens);
        _current = Task.FromResult(SignedInUser.FromAccessToken(tokens.AccessToken));
    }

    public async Task SignOutAsync()
    {
        if (cookie.Read() is { } tokens)
        {
            await api.SendAsync<NoContent>(HttpMethod.Post, "/auth/logout", new { refreshToken = tokens.RefreshToken });
        }

        cookie.Delete();
        _current = Task.FromResult<SignedInUser?>(null);
    }

    /// <summary>
    /// Trades the refresh token for new tokens now, so claims the API changed (the display name after a profile
    /// save) reach the header on the next page instead of when the access token runs out.
    /// </summary>
    public async Task RenewAsync()
    {
        if (cookie.Read() is { } tokens)
        {
            _current = RefreshAsync(tokens);
            await _current;
        }
    }

    private async Task<SignedInUser?> LoadAsync()
    {
        if (cookie.Read() is not { } tokens || SignedInUser.FromAccessToken(tokens.AccessToken) is not { } user)
        {
            return null;
        }

        if (user.ExpiresAt - clock.GetUtcNow() > RefreshAhead)
        {
            return user;
        }

        return await RefreshAsync(tokens);
    }

    private async Task<SignedInUser?> RefreshAsync(TokenPair tokens)
    {
        var refreshed = await coalescer.RefreshAsync(tokens.RefreshToken,
            () => api.SendAsync<TokenPair>(HttpMethod.Post, "/auth/refresh", new { refreshToken = tokens.RefreshToken }));
        if (!refreshed.Ok || refreshed.Value is null)
        {
            if (refreshed.Problem?.Status is 400 or 401 or 403)
            {
                cookie.Delete();
            }

            return null;
        }

        cookie.Write(refreshed.Value);
        return SignedInUser.FromAccessToken(refreshed.Value.AccessToken);
    }
}
