namespace EcoBid.Server.Storage.Migration;

/// <summary>One table's share of a migration: rows in the file, rows copied so far, rows found in PostgreSQL after.</summary>
public sealed record TableCopy(string Table, long SourceRows)
{
    public long Copied { get; set; }

    public long? TargetRows { get; set; }

    public bool Matches => TargetRows == SourceRows;
}
