using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Backups;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The Backup schedule's target: records a backup request in the handler's transaction (once per scheduled event),
/// which <see cref="BackupRunner"/> takes after the commit. The backup itself runs outside the transaction: a
/// handler holds the one writer, and a backup must not.
/// </summary>
public sealed class RequestBackup(BackupRunStore runs) : IEventHandler
{
    public const string Target = "Backup";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return runs.RequestAsync(scope, envelope.Id, "schedule");
    }
}
