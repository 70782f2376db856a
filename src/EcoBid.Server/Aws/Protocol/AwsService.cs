namespace EcoBid.Server.Aws.Protocol;

/// <summary>
/// An AWS service spoken at <c>/aws</c>: the <c>X-Amz-Target</c> prefix that selects it (<c>AWSStepFunctions</c>), the
/// name its requests are signed for (<c>states</c>), its JSON protocol version (<c>1.0</c> or <c>1.1</c>), its actions,
/// and how its own exceptions become AWS errors (null for any it does not know, which are internal failures).
/// </summary>
/// <param name="notOffered">
/// Actions of AWS's API that the service deliberately leaves out, with the reason a caller is told (appended to the
/// <c>UnknownOperationException</c> of the action).
/// </param>
public sealed class AwsService(
    string targetPrefix,
    string signingName,
    string jsonVersion,
    IEnumerable<AwsAction> actions,
    Func<Exception, AwsException?>? translateError = null,
    IReadOnlyDictionary<string, string>? notOffered = null)
{
    public string TargetPrefix { get; } = targetPrefix;

    public string SigningName { get; } = signingName;

    public string ContentType { get; } = "application/x-amz-json-" + jsonVersion;

    public IReadOnlyDictionary<string, AwsAction> Actions { get; } = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public AwsException? TranslateError(Exception exception) => translateError?.Invoke(exception);

    /// <summary>The refusal of an action the service does not have: AWS's UnknownOperationException, with the reason when the action is one left out on purpose.</summary>
    public AwsException UnknownAction(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var error = AwsErrors.UnknownAction(target);
        var action = target[(target.LastIndexOf('.') + 1)..];
        return notOffered?.GetValueOrDefault(action) is { } reason ? new AwsException(error.Code, $"{error.Message} {reason}") : error;
    }
}
