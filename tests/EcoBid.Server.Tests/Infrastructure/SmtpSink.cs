using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// A tiny SMTP server on loopback that accepts every message and keeps it: enough of RFC 5321 (greeting, EHLO/HELO,
/// MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) for the framework's SmtpClient, and nothing more.
/// Start it on a port that refused connections before to play a mail server coming back after an outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<SmtpMessage> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private SmtpSink(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static SmtpSink Start(int port = 0) => new(port);

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<SmtpMessage> Received
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

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
                throw new TimeoutException($"No matching message reached the SMTP sink on port {Port} in {seconds} s ({Received.Count} received).");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':') + 1)..].Trim();
                    recipients.Clear();
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf(':') + 1)..].Trim());
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with a line holding a single dot");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    lock (_messages)
                    {
                        _messages.Add(new SmtpMessage(from ?? string.Empty, [.. recipients], MimeText.Decode(data.ToString())));
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }
}

public sealed record SmtpMessage(string From, IReadOnlyList<string> Recipients, string Data)
{
    public bool IsTo(string email) => Recipients.Any(r => string.Equals(r, $"<{email}>", StringComparison.OrdinalIgnoreCase));
}
