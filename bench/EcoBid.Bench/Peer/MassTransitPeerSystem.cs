using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace EcoBid.Bench.Peer;

/// <summary>
/// The peer workload on MassTransit 8.5 over RabbitMQ, built the way its documentation shows for this work without the
/// Entity Framework outbox (whose package this machine's mirror does not serve): the row commits, then the message is
/// published (publisher confirms on, the default), a consumer on a quorum queue with the same prefetch as EcoBid's
/// consumer stores an inbox mark and the effect in one transaction per message, and MassTransit acknowledges after the
/// consumer returns. Without the outbox a crash between the commit and the publish loses the event; EcoBid never does.
/// That makes this side lighter (no outbox row, no relay), so the comparison favours MassTransit.
/// </summary>
internal sealed class MassTransitPeerSystem(string postgres, string rabbitMq, PeerProgress progress) : IPeerSystem
{
    public const string Queue = "peer-masstransit-record";

    private IHost? _host;
    private NpgsqlDataSource? _dataSource;
    private IBus? _bus;

    public string Name => "MassTransit 8.5.12";

    public string Pipeline => "row tx, then publish (confirms) -> RabbitMQ quorum queue, prefetch 32; consumer per message (up to 32 at once): inbox + effect in one tx, ack after";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The same automatic statement preparation EcoBid's store turns on, so neither side pays for parsing.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { MaxAutoPrepare = 128, AutoPrepareMinUsages = 2 }.ConnectionString);
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var create = new NpgsqlCommand(PeerTables.Create + "CREATE TABLE peer_inbox (message_id UUID PRIMARY KEY);", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var broker = new Uri(rabbitMq);
        var credentials = broker.UserInfo.Length == 0 ? ["guest", "guest"] : broker.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var port = (ushort)(broker.Port > 0 ? broker.Port : 5672);
        var builder = PeerHosts.CreateBuilder();
        // Publishing before the receive endpoint has bound its queue would drop the first messages.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddSingleton(_dataSource);
        builder.Services.AddSingleton(progress);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ThingCreatedConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, port, virtualHost.Length == 0 ? "/" : virtualHost, host =>
                {
                    host.Username(Uri.UnescapeDataString(credentials[0]));
                    host.Password(Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? string.Empty));
                    host.PublisherConfirmation = true;
                });
                rabbit.ReceiveEndpoint(Queue, endpoint =>
                {
                    endpoint.SetQuorumQueue();
                    // EcoBid's consumer takes 32 (its batch) and handles them in one transaction; MassTransit's default
                    // is to run as many consumers at once as it prefetches, a transaction and a connection each.
                    endpoint.PrefetchCount = 32;
                    // EcoBid's default: first retry within 1 s, doubling up to 5 min; the happy path never retries.
                    endpoint.UseMessageRetry(retry => retry.Exponential(2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)));
                    endpoint.ConfigureConsumer<ThingCreatedConsumer>(context);
                });
            });
        });
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _bus = _host.Services.GetRequiredService<IBus>();
    }

    public async Task WriteAsync(long writtenAt, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        await using (var connection = await _dataSource!.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var insert = new NpgsqlCommand(PeerTables.InsertThing, connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("payload", PeerTables.Payload);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await _bus!.Publish(new ThingCreated(id, writtenAt, PeerTables.Payload), cancellationToken);
    }

    public async Task<long> EffectsAsync(CancellationToken cancellationToken)
    {
        await using var count = _dataSource!.CreateCommand(PeerTables.CountEffects);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>Inbox mark and effect in one transaction; a redelivered message finds its mark and changes nothing.</summary>
    internal sealed class ThingCreatedConsumer(NpgsqlDataSource dataSource, PeerProgress progress) : IConsumer<ThingCreated>
    {
        public async Task Consume(ConsumeContext<ThingCreated> context)
        {
            var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId.");
            await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
            await using (var mark = new NpgsqlCommand("INSERT INTO peer_inbox (message_id) VALUES (@id) ON CONFLICT DO NOTHING", connection, transaction))
            {
                mark.Parameters.AddWithValue("id", messageId);
                if (await mark.ExecuteNonQueryAsync(context.CancellationToken) == 0)
                {
                    return;
                }
            }

            await using (var effect = new NpgsqlCommand(PeerTables.InsertEffect, connection, transaction))
            {
                effect.Parameters.AddWithValue("event_id", messageId.ToString());
                effect.Parameters.AddWithValue("thing_id", context.Message.Id);
                await effect.ExecuteNonQueryAsync(context.CancellationToken);
            }

            await transaction.CommitAsync(context.CancellationToken);
            progress.Handled(context.Message.WrittenAt);
        }
    }
}
