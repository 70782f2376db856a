using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// A loopback port that forwards to another (a database, a broker) and can be cut: <see cref="Cut"/> drops every
/// forwarded connection and refuses new ones, as a server that went away does; <see cref="Restore"/> listens again on
/// the same port.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public TcpRelay(IPEndPoint target)
    {
        _target = target;
        Port = FreePort.Next();
        Restore();
    }

    public int Port { get; }

    /// <summary>Listens (again) on <see cref="Port"/>; nothing when it already does.</summary>
    public void Restore()
    {
        if (_listener is not null)
        {
            return;
        }

        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        // The cut connections linger in TIME_WAIT on this port; listening again must not wait for them.
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    public void Cut()
    {
        _running.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }

        _open.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _running.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(_target, stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                incoming.Dispose();
                outgoing.Dispose();
                continue;
            }

            _open[incoming] = 0;
            _open[outgoing] = 0;
            _ = PumpAsync(incoming, outgoing, stop);
            _ = PumpAsync(outgoing, incoming, stop);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut, or one side closed: both go.
        }

        _open.TryRemove(from, out _);
        _open.TryRemove(to, out _);
        from.Dispose();
        to.Dispose();
    }
}
