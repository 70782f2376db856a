namespace EcoBid.Server.Live;

/// <summary>
/// Hands frames to whichever live connections should get them. Handlers call it after their transaction commits.
/// Embedded, it delivers in-process (<see cref="InProcessFanout"/>). A scale-out node holds only its own sockets: its
/// adapter publishes each call to a broker fan-out exchange, and every API node delivers to the connections it holds.
/// Calls never block: a frame is queued on each connection, and a connection that falls too far behind is closed (its
/// client reconnects and resumes).
/// </summary>
public interface ILiveFanout
{
    void ToUsers(IReadOnlyCollection<string> userIds, LiveFrame frame);

    /// <summary>
    /// Sends <paramref name="frame"/> to every connection watching the item, except that a connection whose user has an
    /// entry in <paramref name="perUser"/> gets that frame instead (a bidder's own figures go only to them), or nothing
    /// when the entry is null (someone the sender blocked).
    /// </summary>
    void ToWatchers(string itemId, LiveFrame frame, IReadOnlyDictionary<string, LiveFrame?>? perUser = null);
}
