using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EcoBid.Web.Services;

/// <summary>
/// Rotating refresh tokens punish reuse: presenting a spent one ends the whole sign-in. A browser often sends two
/// requests at once (a page and a live-token fetch) with the same cookie, so concurrent refreshes of one token share
/// one call, and its answer is kept a minute for requests that carry the old cookie a moment later.
/// </summary>
public sealed class RefreshCoalescer(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Lazy<Task<ApiResult<TokenPair>>> Call, DateTimeOffset At)> _calls = new(StringComparer.Ordinal);

    public Task<ApiResult<TokenPair>> RefreshAsync(string refreshToken, Func<Task<ApiResult<TokenPair>>> refresh)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _calls)
        {
            if (now - entry.At > Keep)
            {
                _calls.TryRemove(key, out _);
            }
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var call = _calls.GetOrAdd(id, _ => (new Lazy<Task<ApiResult<TokenPair>>>(refresh), now));
        return call.Call.Value;
    }
}
