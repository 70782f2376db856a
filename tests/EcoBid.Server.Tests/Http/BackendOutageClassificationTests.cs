using EcoBid.Events.RabbitMq;
using EcoBid.Server.Http;
using Npgsql;

namespace EcoBid.Server.Tests.Http;

/// <summary>Which failures count as a backend out of reach (503), and which stay errors of the request or the code (500).</summary>
public sealed class BackendOutageClassificationTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "PostgreSQL", new NpgsqlException("Exception while reading from stream", new IOException("connection reset")) },
        { "PostgreSQL", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)) },
        { "PostgreSQL", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "PostgreSQL", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "PostgreSQL", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "PostgreSQL", new InvalidOperationException("wrapped", new NpgsqlException("timeout", new TimeoutException())) },
        { "RabbitMQ", new BrokerUnavailableException("RabbitMQ is unreachable at amqp://mq:5672/") },
    };

    public static TheoryData<Exception> Errors => new()
    {
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"),
        new PostgresException("syntax error at or near", "ERROR", "ERROR", "42601"),
        new NpgsqlException("a command is already in progress"),
        new InvalidOperationException("a bug"),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void A_backend_out_of_reach_is_named(string backend, Exception exception) =>
        BackendOutageHandler.UnavailableBackend(exception).ShouldNotBeNull().ShouldContain(backend);

    [Theory]
    [MemberData(nameof(Errors))]
    public void Other_failures_are_not_outages(Exception exception) =>
        BackendOutageHandler.UnavailableBackend(exception).ShouldBeNull();
}
