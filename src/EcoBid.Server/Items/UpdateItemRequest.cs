namespace EcoBid.Server.Items;

/// <summary>The fields an owner may change; a listing's mode and place stay as posted (post again to move it).</summary>
public sealed record UpdateItemRequest(string? Title, string? Description, string? Category);
