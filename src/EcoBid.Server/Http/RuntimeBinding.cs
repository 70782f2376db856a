namespace EcoBid.Server.Http;

/// <summary>
/// Endpoints are bound by the request delegate generator at build time, so a start does not compile and jit an
/// expression tree per endpoint. Two kinds of handler it binds wrongly pass through <see cref="Of"/> instead: the
/// generator cannot see through the call, so the framework's own binder binds them at start.
/// <list type="bullet">
/// <item>An optional number that does not parse (<c>?limit=abc</c> for an <c>int? limit</c>): the generator answers a
/// bare 400 naming nothing; the binder throws a <see cref="BadHttpRequestException"/> that
/// <see cref="ProblemExceptionHandler"/> turns into a problem naming the value.</item>
/// <item>The photo endpoints, which take their services as an <c>[AsParameters]</c> bundle
/// (<c>ImageEndpointServices</c>): with the generator their uploads failed and the API document could not be built
/// (a request body of type <c>System.Void</c>). Turning the bundle's one computed property into a method did not help.</item>
/// </list>
/// </summary>
public static class RuntimeBinding
{
    public static Delegate Of(Delegate handler) => handler;
}
