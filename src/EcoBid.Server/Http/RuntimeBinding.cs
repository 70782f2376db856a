namespace EcoBid.Server.Http;

/// <summary>
/// Endpoints are bound by the request delegate generator at build time, so a start does not compile and jit an
/// expression tree per endpoint. Two kinds of handler it binds wrongly pass through <see cref="Of"/> instead: the
/// generator cannot see through the call, so the framework's own binder binds them at start.
/// <list type="bullet">
/// <item>An optional number that does not parse (<c>?limit=abc</c> for an <c>int? limit</c>): the generator answers a
/// bare 400 naming nothing; the binder throws a <see cref="BadHttpRequestException"/> that
/// <see cref="ProblemExceptionHandler"/> turns into a problem naming the value.</item>
/// <item>An <c>[AsParameters]</c> bundle of services with a computed property (the photo endpoints'
/// <c>ImageEndpointServices</c>): the generator takes the property for a value to bind.</item>
/// </list>
/// </summary>
public static class RuntimeBinding
{
    public static Delegate Of(Delegate handler) => handler;
}
