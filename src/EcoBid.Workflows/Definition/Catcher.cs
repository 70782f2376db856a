using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

/// <summary>One entry of a state's <c>Catch</c>.</summary>
public sealed class Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    internal OptionalPath? ResultPath { get; init; }

    internal PayloadTemplate? Assign { get; init; }

    internal PayloadTemplate? Output { get; init; }

    public bool Matches(string error) => ErrorEquals.Any(pattern => StatesErrors.Matches(pattern, error));
}
