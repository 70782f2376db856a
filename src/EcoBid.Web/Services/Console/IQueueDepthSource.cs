namespace EcoBid.Web.Services.Console;

/// <summary>
/// The depth of each target's queue (visible, in flight and delayed), read by the host for the console's chart.
/// A port, so the web client needs no reference to the event runtime; the server provides it.
/// </summary>
public interface IQueueDepthSource
{
    Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken);
}
