namespace EcoBid.Workflows.Json;

/// <summary>What a path starts from: <c>$</c> (the input), <c>$$</c> (the context object), <c>$name</c> (a variable) or <c>@</c> (the current filter item).</summary>
internal enum PathRoot
{
    Input,
    Context,
    Variable,
    Current,
}
