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

        // The timeout's own source owns its timer. A timer of ours that cancelled the source could fire after the wait
        // returned and disposed it (disposing a timer does not stop a callback already on its way), and a cancel on a
        // disposed source throws on a pool thread, which ends the process.
        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
