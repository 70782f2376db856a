namespace EcoBid.Web.Services;

/// <summary>The API's answer to one call: a value on success, its problem otherwise.</summary>
public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
}
