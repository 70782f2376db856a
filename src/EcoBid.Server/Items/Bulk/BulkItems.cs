namespace EcoBid.Server.Items.Bulk;

/// <summary>The items read from a bulk posting's body, or why it cannot be read: the fields named as a validation problem's errors.</summary>
public sealed record BulkItems(IReadOnlyList<CreateItemRequest> Items, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static BulkItems Refused(string field, string message) => new([], new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
