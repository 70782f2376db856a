using EcoBid.Jsonata;

namespace EcoBid.Workflows.Definition;

/// <summary>What <see cref="StateMachineDefinition.Parse"/> needs from the host.</summary>
public sealed class DefinitionOptions
{
    /// <summary>Checks each Task resource; null accepts any string of ARN shape.</summary>
    public TaskResourceValidator? ResourceValidator { get; init; }

    /// <summary>Used to check JSONata expressions' syntax; null skips that check.</summary>
    public JsonataEngine? Jsonata { get; init; }

    /// <summary>The top level is one state tested on its own (TestState): its transitions need no targets.</summary>
    internal bool SingleState { get; init; }
}
