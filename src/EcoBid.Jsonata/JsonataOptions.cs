namespace EcoBid.Jsonata;

/// <summary>Limits and extensions for a <see cref="JsonataEngine"/>. Read once, when the engine is created.</summary>
public sealed class JsonataOptions
{
    /// <summary>Wall-clock budget of one evaluation; exceeding it raises <see cref="JsonataErrorCodes.Timeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// JSONata's own <c>stack</c> option: the most evaluation steps in progress at once; exceeding it raises
    /// <see cref="JsonataErrorCodes.StackOverflow"/>. Off (0) by default, as in the reference implementation: JSONata
    /// also counts the steps of sibling branches it evaluates concurrently, so grouping over a few hundred keys
    /// already exceeds a limit of 500. Runaway recursion is stopped anyway: by the native stack guard (same code),
    /// the memory limit or the timeout.
    /// </summary>
    public int MaxRecursionDepth { get; set; }

    /// <summary>
    /// Bytes one evaluation may allocate inside the JavaScript engine (counted as allocated, not as live);
    /// exceeding it raises <see cref="JsonataErrorCodes.MemoryLimit"/>. Null means no limit. The default (1 GiB) leaves
    /// room for JSONata's string functions, which split a string into an array of code points: on a 1 MB string
    /// each such call allocates about 100 MB.
    /// </summary>
    public long? MemoryLimitBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most JavaScript engines kept at once; evaluations beyond that wait for one to be free.</summary>
    public int MaxEngines { get; set; } = Environment.ProcessorCount;

    /// <summary>Compiled expressions each engine keeps, least recently used dropped first.</summary>
    public int ExpressionCacheSize { get; set; } = 256;

    /// <summary>Extra functions, keyed by name with or without the leading <c>$</c>; they shadow built-ins of the same name.</summary>
    public IReadOnlyDictionary<string, JsonataFunction> Functions { get; set; } = new Dictionary<string, JsonataFunction>();
}
