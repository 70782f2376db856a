using System.Text.Json;
using EcoBid.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Postgres;
using EcoBid.Events.RabbitMq;
using EcoBid.Events.Rules;
using EcoBid.Events.Scheduling;
using EcoBid.Events.Storage;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace EcoBid.Bench.Peer;

/// <summary>
/// The peer workload on EcoBid's own runtime, composed as the server composes it with <c>Storage=postgres</c> and
/// <c>Queues=rabbitmq</c>, but with one rule, one target and one handler: the row and its event commit together
/// (transactional outbox), the relay publishes to the target's quorum queue with publisher confirms and releases the
/// outbox row, the consumer handles a batch in one transaction (inbox mark + effect per message, a savepoint each) and
/// acknowledges after the commit.
/// </summary>
internal sealed class EcoBidPeerSystem(string postgres, string rabbitMq, PeerProgress progress) : IPeerSystem
{
    public const string Target = "PeerRecord";

    private static readonly RuleSet Rules = RuleSetLoader.Parse($$"""
        {
          "targets": { "{{Target}}": { "description": "Stores one effect row per ThingCreated." } },
          "rules": [ { "name": "PeerThings", "eventPattern": { "source": ["ecobid.peer"], "detail-type": ["ThingCreated"] }, "targets": ["{{Target}}"] } ]
        }
        """);

    private IHost? _host;
    private IEventDatabase? _database;

    public string Name => "EcoBid";

    public string Pipeline =>
        "row + outbox in one tx; relay (confirms, archive row) -> RabbitMQ quorum queue, prefetch 32; one consumer, a batch per tx: inbox + effect each, ack after commit";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = PeerHosts.CreateBuilder();
        var services = builder.Services;
        services.Configure<PostgresOptions>(o => o.ConnectionString = postgres);
        services.Configure<RabbitMqOptions>(o => o.ConnectionString = rabbitMq);
        services.AddPostgresEventStore();
        services.AddRabbitMqQueues();
        services.AddEventRuntime(Rules, ScheduleSet.Empty, runWorkers: true);
        services.AddEventHandler(Target, _ => new EffectHandler(progress));
        _host = builder.Build();

        await _host.Services.GetRequiredService<PostgresDatabase>().MigrateAsync(EcoBidPostgresSchema.Scripts, cancellationToken);
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand(PeerTables.Create, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        _database = _host.Services.GetRequiredService<IEventDatabase>();
        await _host.StartAsync(cancellationToken);
    }

    public Task WriteAsync(long writtenAt, CancellationToken cancellationToken) =>
        _database!.WriteAsync(async scope =>
        {
            var id = Guid.NewGuid().ToString("N");
            await scope.Prepared(PeerTables.InsertThing, ("id", id), ("payload", PeerTables.Payload)).ExecuteNonQueryAsync(cancellationToken);
            await scope.PublishAsync(new EventEnvelope
            {
                Id = Guid.NewGuid().ToString(),
                Source = "ecobid.peer",
                DetailType = "ThingCreated",
                Time = scope.Now,
                Detail = JsonSerializer.SerializeToElement(new ThingCreated(id, writtenAt, PeerTables.Payload)),
            });
            return 0;
        }, cancellationToken);

    public async Task<long> EffectsAsync(CancellationToken cancellationToken) =>
        await _database!.ReadAsync(async connection =>
        {
            await using var count = connection.CreateCommand();
            count.CommandText = PeerTables.CountEffects;
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
    }

    private sealed class EffectHandler(PeerProgress progress) : IEventHandler
    {
        public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            var thing = envelope.Detail.Deserialize<ThingCreated>()
                ?? throw new InvalidOperationException($"ThingCreated {envelope.Id} has no detail.");
            await scope.Prepared(PeerTables.InsertEffect, ("event_id", envelope.Id), ("thing_id", thing.Id)).ExecuteNonQueryAsync(cancellationToken);
            scope.OnCommitted(() => progress.Handled(thing.WrittenAt));
        }
    }
}
