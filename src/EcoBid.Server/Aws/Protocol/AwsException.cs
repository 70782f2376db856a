namespace EcoBid.Server.Aws.Protocol;

/// <summary>
/// A refused AWS protocol call: written as <c>{"__type": Code, "message": Message}</c> with <see cref="StatusCode"/>
/// (400 for the client's errors, 500 for the server's).
/// </summary>
public sealed class AwsException : Exception
{
    public AwsException()
        : this(AwsErrors.InternalFailure, "An internal error occurred.", StatusCodes.Status500InternalServerError)
    {
    }

    public AwsException(string message)
        : this(AwsErrors.ValidationException, message)
    {
    }

    public AwsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = AwsErrors.InternalFailure;
        StatusCode = StatusCodes.Status500InternalServerError;
    }

    public AwsException(string code, string message, int statusCode = StatusCodes.Status400BadRequest)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>AWS's error code, as botocore reads it from <c>__type</c>.</summary>
    public string Code { get; }

    public int StatusCode { get; }
}
