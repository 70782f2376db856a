namespace EcoBid.Server.Aws.Protocol;

/// <summary>
/// The errors every AWS JSON-protocol service answers before an action runs, with the codes the AWS front end uses
/// for them (all HTTP 400 but <see cref="InternalFailure"/>). A service's own errors are its action handlers' business.
/// </summary>
public static class AwsErrors
{
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string IncompleteSignature = "IncompleteSignatureException";
    public const string InvalidSignature = "InvalidSignatureException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string Serialization = "SerializationException";
    public const string ValidationException = "ValidationException";
    public const string InternalFailure = "InternalFailure";

    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static AwsException MissingToken() => new(MissingAuthenticationToken, "Missing Authentication Token");

    public static AwsException Incomplete(string message) => new(IncompleteSignature, message);

    public static AwsException Signature(string message) => new(InvalidSignature, message);

    public static AwsException UnknownAccessKey() => new(UnrecognizedClient, "The security token included in the request is invalid.");

    public static AwsException UnknownAction(string? target) =>
        new(UnknownOperation, string.IsNullOrEmpty(target) ? "The request has no X-Amz-Target header naming an operation." : $"Unknown operation: {target}.");

    public static AwsException Malformed(string message) => new(Serialization, message);

    public static AwsException Internal() => new();
}
