namespace EcoBid.Web.Services;

/// <summary>The API's sign-in answer (<c>/auth/login</c>, <c>/auth/refresh</c>).</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
