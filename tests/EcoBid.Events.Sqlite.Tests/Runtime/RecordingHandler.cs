using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>
/// A handler that writes one <c>effects</c> row per call, publishes what <see cref="Publishes"/> gives, and then
/// throws when <see cref="FailWhen"/> says so — after its writes, so a rollback is what keeps them out.
/// </summary>
public sealed class RecordingHandler(string target) : IEventHandler
{
    private int _calls;

    public Func<EventEnvelope, bool> FailWhen { get; set; } = _ => false;

    public Func<EventEnvelope, IEnumerable<EventEnvelope>> Publishes { get; set; } = _ => [];

    public int Calls => _calls;

    public static string ErrorFor(string target, string eventId) => $"InvalidOperationException: {target} cannot handle {eventId}";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await using (var effect = scope.Command(
            "INSERT INTO effects (target, event_id) VALUES (@target, @id)", ("@target", target), ("@id", envelope.Id)))
        {
            await effect.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var follow in Publishes(envelope))
        {
            await scope.PublishAsync(follow);
        }

        if (FailWhen(envelope))
        {
            throw new InvalidOperationException($"{target} cannot handle {envelope.Id}");
        }
    }
}
