using EcoBid.Server.Handlers.StateMachineTarget;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// The ARNs EventBridge's views answer with, in <c>Aws:Region</c> and <c>Aws:AccountId</c> (those of the Step
/// Functions side): the bus <c>arn:aws:events:{region}:{account}:event-bus/default</c>, a rule
/// <c>arn:aws:events:{region}:{account}:rule/{name}</c> (AWS's form on the default bus), and a target as the resource
/// it is: a queue target is the queue EcoBid keeps for it, <c>arn:aws:sqs:{region}:{account}:{target}</c>; a
/// <c>stateMachine:Name</c> target is the state machine, <c>arn:aws:states:{region}:{account}:stateMachine:Name</c>.
/// </summary>
public sealed class EventBridgeArns(string region, string account)
{
    /// <summary>The one bus: every rule of the rules file is on it.</summary>
    public const string DefaultBus = "default";

    public string Region { get; } = region;

    public string Account { get; } = account;

    public static EventBridgeArns From(IConfiguration configuration)
    {
        var options = AwsOptions.From(configuration);
        return new EventBridgeArns(options.Region, options.AccountId);
    }

    public string Bus(string name) => $"arn:aws:events:{Region}:{Account}:event-bus/{name}";

    public string Rule(string name) => $"arn:aws:events:{Region}:{Account}:rule/{name}";

    public string Target(string target) => target.StartsWith(StartStateMachine.Prefix, StringComparison.Ordinal)
        ? $"arn:aws:states:{Region}:{Account}:stateMachine:{target[StartStateMachine.Prefix.Length..]}"
        : $"arn:aws:sqs:{Region}:{Account}:{target}";

    /// <summary>
    /// A target's Id within its rule: the rules file's target name, with the <c>:</c> of <c>stateMachine:Name</c>
    /// (not allowed in an Id) written as <c>.</c>.
    /// </summary>
    public static string TargetId(string target) => target.Replace(':', '.');

    /// <summary>Whether a bus name or ARN (absent: the default bus) names EcoBid's bus.</summary>
    public bool IsDefaultBus(string? nameOrArn) => nameOrArn is null || nameOrArn == DefaultBus || nameOrArn == Bus(DefaultBus);
}
