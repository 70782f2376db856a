using System.Threading.Channels;

namespace EcoBid.Events.Signals;

/// <summary>
/// An auto-reset wake-up: <see cref="Set"/> wakes one waiter, or the next one to wait if none is waiting.
/// Many sets before a wait collapse into one, which is all a "there may be work" hint needs.
/// </summary>
public sealed class AsyncSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false, SingleWriter = false });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>
    /// Clears a pending wake-up. A loop that resets before it looks for work, and waits only when it found none, acts
    /// on every set made after it looked, and not on the ones made before (whose work it has already seen).
    /// </summary>
    public void Reset() => _channel.Reader.TryRead(out _);

    /// <returns><c>true</c> when woken by <see cref="Set"/>, <c>false</c> when the timeout passed first.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (_channel.Reader.TryRead(out _))
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = clock.CreateTimer(CancelQuietly, timeoutSource, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// The timeout's timer callback. Disposing a timer does not stop a callback already on its way: it can run after the
    /// wait returned and disposed the source, and an exception there, on a pool thread, would end the process.
    /// </summary>
    private static void CancelQuietly(object? state)
    {
        try
        {
            ((CancellationTokenSource)state!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wait is over; there is nothing left to cancel.
        }
    }
}
