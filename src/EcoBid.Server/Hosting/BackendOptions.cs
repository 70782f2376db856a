using EcoBid.Events.Postgres;
using EcoBid.Events.RabbitMq;
using Npgsql;

namespace EcoBid.Server.Hosting;

/// <summary>
/// The <c>Storage</c> and <c>Queues</c> switches, read and checked once at start. A wrong or incomplete setting stops
/// the process with a message naming the setting; a broker that cannot be reached is found by
/// <see cref="BrokerStartupCheck"/> before any worker starts.
/// </summary>
public sealed record BackendOptions(StorageBackend Storage, QueueBackend Queues)
{
    public static BackendOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = Parse(configuration["Storage"], StorageBackend.Sqlite, "Storage", "sqlite (the default) or postgres");
        var queues = Parse(configuration["Queues"], QueueBackend.Embedded, "Queues", "embedded (the default) or rabbitmq");
        if (storage is StorageBackend.Postgres)
        {
            var connection = configuration[$"{PostgresOptions.Section}:{nameof(PostgresOptions.ConnectionString)}"];
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException(
                    "Storage 'postgres' needs Postgres:ConnectionString (environment variable Postgres__ConnectionString): " +
                    "an Npgsql connection string such as Host=db;Database=ecobid;Username=ecobid;Password=….");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"Postgres:ConnectionString is not an Npgsql connection string: {ex.Message}", ex);
            }
        }

        if (queues is QueueBackend.RabbitMq)
        {
            var uri = configuration[$"{RabbitMqOptions.Section}:{nameof(RabbitMqOptions.ConnectionString)}"];
            if (string.IsNullOrWhiteSpace(uri))
            {
                throw new InvalidOperationException(
                    "Queues 'rabbitmq' needs RabbitMq:ConnectionString (environment variable RabbitMq__ConnectionString): " +
                    "an AMQP URI such as amqp://user:password@host:5672/vhost.");
            }

            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("amqp" or "amqps"))
            {
                throw new InvalidOperationException(
                    "RabbitMq:ConnectionString is not an AMQP URI: expected amqp://user:password@host:5672/vhost (or amqps://).");
            }
        }

        return new BackendOptions(storage, queues);
    }

    private static T Parse<T>(string? value, T fallback, string setting, string accepted)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidOperationException($"{setting} '{value}' is not known; use {accepted}.");
    }
}
