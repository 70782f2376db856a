using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// An SMTP server on loopback (netDumbster) that accepts every message and keeps it. Start it on a port that refused
/// connections before to play a mail server coming back after an outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly SimpleSmtpServer _server;

    private SmtpSink(int port)
    {
        var configuration = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback);
        _server = (port == 0 ? configuration.WithRandomPort() : configuration.WithPort(port)).Build();
    }

    public int Port => _server.Configuration.Port;

    public static SmtpSink Start(int port = 0) => new(port);

    /// <summary>Every message received so far, in order, with its text decoded (MimeKit).</summary>
    public IReadOnlyList<SmtpMessage> Received => [.. _server.ReceivedEmail.Select(Read)];

    /// <summary>Waits (bounded) for a received message that <paramref name="match"/> accepts, and returns the newest such.</summary>
    public async Task<SmtpMessage> WaitForAsync(Func<SmtpMessage, bool> match, double seconds = 15)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Received.LastOrDefault(match) is { } message)
            {
                return message;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching message reached the SMTP sink on port {Port} in {seconds} s ({_server.ReceivedEmailCount} received).");
            }

            await Task.Delay(25);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The headers as "Name: value" lines with encoded words decoded, then the plain-text body.</summary>
    private static SmtpMessage Read(netDumbster.smtp.SmtpMessage received)
    {
        using var raw = new MemoryStream(Encoding.UTF8.GetBytes(received.Data));
        using var message = MimeMessage.Load(raw);
        var headers = string.Join("\r\n", message.Headers.Select(h => $"{h.Field}: {h.Value}"));
        return new SmtpMessage(
            received.FromAddress.Address,
            [.. received.ToAddresses.Select(a => a.Address)],
            headers + "\r\n\r\n" + message.TextBody);
    }
}

/// <summary>A received message: envelope sender, recipients and the decoded text (headers, a blank line, the body).</summary>
public sealed record SmtpMessage(string From, IReadOnlyList<string> Recipients, string Data)
{
    public bool IsTo(string email) => Recipients.Any(r => string.Equals(r.Trim('<', '>'), email, StringComparison.OrdinalIgnoreCase));
}
