using System.Diagnostics.CodeAnalysis;

namespace EcoBid.Server.Workflows;

/// <summary>
/// Step Functions' ARN shapes in the configured region and account (<c>Aws:Region</c>, <c>Aws:AccountId</c>):
/// <c>arn:aws:states:{region}:{account}:stateMachine:{name}</c> and
/// <c>arn:aws:states:{region}:{account}:execution:{machine}:{execution}</c> (<c>express:</c> for EXPRESS).
/// </summary>
public sealed class WorkflowArns(string region, string account)
{
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccount = "123456789012";

    public string Region { get; } = region;

    public string Account { get; } = account;

    private string Prefix => $"arn:aws:states:{Region}:{Account}:";

    public static WorkflowArns From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new WorkflowArns(
            configuration["Aws:Region"] is { Length: > 0 } region ? region : DefaultRegion,
            configuration["Aws:AccountId"] is { Length: > 0 } account ? account : DefaultAccount);
    }

    public string StateMachine(string name) => $"{Prefix}stateMachine:{name}";

    public string Version(string name, int version) => $"{Prefix}stateMachine:{name}:{version}";

    public string Execution(string machine, string name, bool express = false) => $"{Prefix}{(express ? "express" : "execution")}:{machine}:{name}";

    /// <summary>The machine name of a state machine ARN (a version ARN's too), or of a bare name.</summary>
    public bool TryParseStateMachine(string arnOrName, [NotNullWhen(true)] out string? name, out int? version)
    {
        version = null;
        name = null;
        if (string.IsNullOrEmpty(arnOrName))
        {
            return false;
        }

        if (!arnOrName.StartsWith("arn:", StringComparison.Ordinal))
        {
            name = arnOrName;
            return WorkflowNames.IsValid(arnOrName);
        }

        var parts = arnOrName.Split(':');
        if (parts.Length is < 7 or > 8 || parts[2] != "states" || parts[5] != "stateMachine" || parts[6].Length == 0)
        {
            return false;
        }

        if (parts.Length == 8)
        {
            if (!int.TryParse(parts[7], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            version = v;
        }

        name = parts[6];
        return true;
    }

    /// <summary>The machine and execution names of an execution ARN.</summary>
    public static bool TryParseExecution(string arn, [NotNullWhen(true)] out string? machine, [NotNullWhen(true)] out string? name)
    {
        machine = null;
        name = null;
        var parts = (arn ?? string.Empty).Split(':');
        if (parts.Length != 8 || parts[0] != "arn" || parts[2] != "states" || (parts[5] != "execution" && parts[5] != "express"))
        {
            return false;
        }

        machine = parts[6];
        name = parts[7];
        return machine.Length > 0 && name.Length > 0;
    }
}
