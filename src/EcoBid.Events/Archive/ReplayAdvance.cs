namespace EcoBid.Events.Archive;

/// <summary>One batch's progress: counts to add, the new position, and whether the range is exhausted.</summary>
public sealed record ReplayAdvance(ArchivePosition? Position, int Scanned, int Matched, int Delivered, bool Finished);
