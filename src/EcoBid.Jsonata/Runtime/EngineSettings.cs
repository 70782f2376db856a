namespace EcoBid.Jsonata.Runtime;

/// <summary>A checked snapshot of <see cref="JsonataOptions"/>, shared by every engine of a pool.</summary>
internal sealed class EngineSettings
{
    public EngineSettings(JsonataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEngines, 1, nameof(options.MaxEngines));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExpressionCacheSize, 1, nameof(options.ExpressionCacheSize));
        if (options.MemoryLimitBytes is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(options.MemoryLimitBytes));
        }

        Timeout = options.Timeout;

        // JSONata's own timeout check runs between evaluation steps and fails cleanly; the interpreter's deadline is
        // the backstop for a single step that never returns (a huge $pad, a runaway regular expression).
        Backstop = options.Timeout + TimeSpan.FromMilliseconds(Math.Min(1000, (options.Timeout.TotalMilliseconds / 10) + 50));
        MaxRecursionDepth = options.MaxRecursionDepth;
        MemoryLimitBytes = options.MemoryLimitBytes;
        MaxEngines = options.MaxEngines;
        ExpressionCacheSize = options.ExpressionCacheSize;
        Functions = (options.Functions ?? new Dictionary<string, JsonataFunction>())
            .ToDictionary(f => BareName(f.Key), f => f.Value, StringComparer.Ordinal);
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Backstop { get; }

    public int MaxRecursionDepth { get; }

    public long? MemoryLimitBytes { get; }

    public int MaxEngines { get; }

    public int ExpressionCacheSize { get; }

    public IReadOnlyDictionary<string, JsonataFunction> Functions { get; }

    /// <summary>Names are accepted with or without JSONata's <c>$</c> sigil.</summary>
    public static string BareName(string name) => name.StartsWith('$') ? name[1..] : name;
}
