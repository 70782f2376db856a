namespace EcoBid.Server.Backups;

/// <summary>A backup, verification or restore that cannot go on, with a message for the operator.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
