namespace EcoBid.Server.Workflows;

/// <summary>Step Functions' name rules for state machines and executions: 1–80 characters, none of AWS's reserved ones.</summary>
public static class WorkflowNames
{
    public const int MaxLength = 80;

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" <>{}[]?*\"#%\\^|~`$&,;:/");

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && name.AsSpan().IndexOfAny(Forbidden) < 0
        && !name.Any(c => char.IsControl(c));
}
