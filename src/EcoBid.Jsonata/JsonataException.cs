namespace EcoBid.Jsonata;

/// <summary>
/// A JSONata error: a syntax error (codes <c>S0xxx</c>), a type error (<c>T0xxx</c>), an evaluation error
/// (<c>Dxxxx</c>) with the reference implementation's code and message, or a host limit (<see cref="JsonataErrorCodes"/>).
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException()
        : this(JsonataErrorCodes.HostError, "JSONata error")
    {
    }

    public JsonataException(string message)
        : this(JsonataErrorCodes.HostError, message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : this(JsonataErrorCodes.HostError, message, null, null, innerException)
    {
    }

    public JsonataException(string code, string message, int? position = null, string? token = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Position = position;
        Token = token;
    }

    /// <summary>The JSONata error code, e.g. <c>S0202</c> or <c>T2001</c>.</summary>
    public string Code { get; }

    /// <summary>Character position in the expression that the error refers to, when JSONata reports one.</summary>
    public int? Position { get; }

    /// <summary>The token (operator, function or field name) the error refers to, when JSONata reports one.</summary>
    public string? Token { get; }
}
