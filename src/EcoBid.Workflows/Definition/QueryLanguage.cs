namespace EcoBid.Workflows.Definition;

/// <summary>The query language of a state machine or state (<c>QueryLanguage</c> field).</summary>
public enum QueryLanguage
{
    /// <summary><c>"JSONPath"</c>, the default: paths, payload templates with <c>.$</c> keys, intrinsic functions.</summary>
    JsonPath,

    /// <summary><c>"JSONata"</c>: <c>{% %}</c> expressions in Arguments, Output, Assign and the other fields.</summary>
    Jsonata,
}
