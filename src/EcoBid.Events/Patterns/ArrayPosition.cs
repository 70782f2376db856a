namespace EcoBid.Events.Patterns;

/// <summary>An element chosen in one event array: the array (by its offset in the document) and the index.</summary>
internal readonly record struct ArrayPosition(long Array, int Index);
