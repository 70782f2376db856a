namespace EcoBid.Server.Items.Bulk;

/// <summary>The JSON body of <c>POST /items/bulk</c>: up to 200 items, each as <c>POST /items</c> takes it.</summary>
public sealed record BulkItemsRequest(IReadOnlyList<CreateItemRequest?>? Items);
