namespace EcoBid.Server.Live;

/// <summary>The embedded fan-out: the connections are in this process.</summary>
public sealed class InProcessFanout(LiveConnections connections) : ILiveFanout
{
    public void ToUsers(IReadOnlyCollection<string> userIds, LiveFrame frame)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds)
        {
            connections.SendToUser(userId, frame);
        }
    }

    public void ToWatchers(string itemId, LiveFrame frame, IReadOnlyDictionary<string, LiveFrame?>? perUser = null) =>
        connections.SendToWatchers(itemId, frame, perUser);
}
