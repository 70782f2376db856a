using EcoBid.Workflows.Definition;

namespace EcoBid.Workflows.Testing;

/// <summary>TestState's <c>InvalidDefinition</c> error: the definition does not validate.</summary>
public sealed class InvalidDefinitionException : Exception
{
    public InvalidDefinitionException(string message, IReadOnlyList<DefinitionDiagnostic> diagnostics) : base(message) => Diagnostics = diagnostics;

    public InvalidDefinitionException() : this("Invalid State Machine Definition", []) { }

    public InvalidDefinitionException(string message) : this(message, []) { }

    public InvalidDefinitionException(string message, Exception inner) : base(message, inner) => Diagnostics = [];

    public IReadOnlyList<DefinitionDiagnostic> Diagnostics { get; }
}
