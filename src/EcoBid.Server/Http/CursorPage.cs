namespace EcoBid.Server.Http;

/// <summary>One page of a keyset-paged list, newest first; pass <c>NextCursor</c> as <c>cursor</c> for the next (null: no more).</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
