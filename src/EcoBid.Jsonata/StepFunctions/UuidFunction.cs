using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary><c>$uuid()</c>: a random (version 4) UUID in its lower-case 8-4-4-4-12 form.</summary>
internal static class UuidFunction
{
    public static JsonataFunction Definition { get; } = new("<:s>", _ => JsonataResult.Of(Guid.NewGuid().ToString("D")));
}
