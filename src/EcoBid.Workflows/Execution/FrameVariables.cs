using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;

namespace EcoBid.Workflows.Execution;

/// <summary>A frame's variables, then its ancestors' (read-only from inside a branch).</summary>
internal sealed class FrameVariables(FrameSnapshot frame, Func<long, FrameSnapshot?> parentOf) : IVariableSource
{
    public bool TryGet(string name, out JsonNode? value)
    {
        for (FrameSnapshot? f = frame; f is not null; f = f.ParentId is { } p ? parentOf(p) : null)
        {
            if (f.Variables is { } vars && vars.TryGetPropertyValue(name, out value)) return true;
        }
        value = null;
        return false;
    }

    public IEnumerable<KeyValuePair<string, JsonNode?>> All()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (FrameSnapshot? f = frame; f is not null; f = f.ParentId is { } p ? parentOf(p) : null)
        {
            if (f.Variables is not { } vars) continue;
            foreach (var pair in vars)
            {
                if (seen.Add(pair.Key)) yield return pair;
            }
        }
    }
}
