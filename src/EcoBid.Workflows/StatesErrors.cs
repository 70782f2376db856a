namespace EcoBid.Workflows;

/// <summary>The predefined error names of the States Language.</summary>
public static class StatesErrors
{
    public const string All = "States.ALL";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Timeout = "States.Timeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
    public const string Runtime = "States.Runtime";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    /// <summary>
    /// Whether a Retrier's or Catcher's <c>ErrorEquals</c> entry matches an error. <c>States.ALL</c> matches every
    /// error except <c>States.Runtime</c> and <c>States.DataLimitExceeded</c>, which AWS documents as terminal for
    /// it; <c>States.TaskFailed</c> matches every error except the timeouts and those two. <c>States.Runtime</c> is
    /// never retried or caught, not even by name.
    /// </summary>
    public static bool Matches(string pattern, string error)
    {
        if (error == Runtime) return false;
        if (pattern == error) return true;
        return pattern switch
        {
            All => error != DataLimitExceeded,
            TaskFailed => error is not (Timeout or HeartbeatTimeout or DataLimitExceeded),
            Timeout => error == HeartbeatTimeout,
            _ => false,
        };
    }
}
