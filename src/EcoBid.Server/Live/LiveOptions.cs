namespace EcoBid.Server.Live;

/// <summary>Configuration section <c>Live</c>: the WebSocket channel's timings and limits.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often the server sends <c>{"type":"ping"}</c>; clients answer with <c>{"type":"pong"}</c>.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A connection from which nothing arrives for this long (no pong, no message) is closed as dead.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long a socket opened without a token may take to send its <c>auth</c> message.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames queued for one connection; a client that falls further behind is disconnected and resumes.</summary>
    public int QueueCapacity { get; set; } = 1024;

    public int MaxWatchedItems { get; set; } = 100;

    /// <summary>Notifications sent on a resume; older ones are in the inbox (<c>GET /notifications</c>).</summary>
    public int ReplayLimit { get; set; } = 500;

    public int MaxMessageBytes { get; set; } = 4096;
}
