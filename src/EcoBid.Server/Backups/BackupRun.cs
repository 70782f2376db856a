namespace EcoBid.Server.Backups;

/// <summary>
/// One backup the server was asked to take. <see cref="Trigger"/>: <c>schedule</c> or <c>manual</c>;
/// <see cref="Status"/>: <c>pending</c>, <c>running</c>, <c>completed</c> (in <see cref="Folder"/>) or <c>failed</c>.
/// </summary>
public sealed record BackupRun(
    string Id,
    string Trigger,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Folder,
    long? SizeBytes,
    string? Error);
