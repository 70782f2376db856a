namespace EcoBid.Events.Archive;

/// <summary>What asking for a replay came to: started, refused for invalid fields, or refused because the name is taken.</summary>
public sealed record ReplayStartResult(Replay? Started, IReadOnlyDictionary<string, string[]>? Errors, bool NameTaken)
{
    public static ReplayStartResult Success(Replay replay) => new(replay, null, false);

    public static ReplayStartResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors, false);

    public static ReplayStartResult Taken() => new(null, null, true);
}
