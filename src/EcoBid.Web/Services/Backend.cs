namespace EcoBid.Web.Services;

/// <summary>The API as the signed-in person of this request (or anonymously): what the pages call.</summary>
public sealed class Backend(EcoBidApi api, WebSession session)
{
    public async Task<ApiResult<T>> GetAsync<T>(string path) =>
        await api.SendAsync<T>(HttpMethod.Get, path, accessToken: await TokenAsync());

    public async Task<ApiResult<T>> PostAsync<T>(string path, object? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        await api.SendAsync<T>(HttpMethod.Post, path, body ?? new { }, await TokenAsync(), headers);

    public async Task<ApiResult<T>> PutAsync<T>(string path, object body) =>
        await api.SendAsync<T>(HttpMethod.Put, path, body, await TokenAsync());

    public async Task<ApiResult<NoContent>> DeleteAsync(string path) =>
        await api.SendAsync<NoContent>(HttpMethod.Delete, path, accessToken: await TokenAsync());

    /// <summary>Calls that need no sign-in and must not carry one (register, login, verify).</summary>
    public Task<ApiResult<T>> AnonymousPostAsync<T>(string path, object body) => api.SendAsync<T>(HttpMethod.Post, path, body);

    private async Task<string?> TokenAsync() => (await session.GetAsync())?.AccessToken;
}
