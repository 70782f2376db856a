using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Definition;

/// <summary>An InputPath, OutputPath or ResultPath as written: a path, or JSON null (which means "nothing" / "discard").</summary>
internal sealed record OptionalPath(JsonPath? Path)
{
    public bool IsNull => Path is null;
}
