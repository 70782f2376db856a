namespace EcoBid.Server.Items.Bulk;

/// <summary>Why one item of a bulk posting was not posted: the problem <c>POST /items</c> would have answered.</summary>
public sealed record BulkItemProblem(string Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
