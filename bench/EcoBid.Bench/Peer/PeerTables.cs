namespace EcoBid.Bench.Peer;

/// <summary>The workload's own two tables, the same for both systems (each in a schema of its own).</summary>
internal static class PeerTables
{
    public const string Create = """
        CREATE TABLE peer_things (id TEXT PRIMARY KEY, payload TEXT NOT NULL);
        CREATE TABLE peer_effects (event_id TEXT PRIMARY KEY, thing_id TEXT NOT NULL, handled_at TIMESTAMPTZ NOT NULL DEFAULT now());
        """;

    public const string InsertThing = "INSERT INTO peer_things (id, payload) VALUES (@id, @payload)";

    public const string InsertEffect = "INSERT INTO peer_effects (event_id, thing_id) VALUES (@event_id, @thing_id)";

    public const string CountEffects = "SELECT count(*) FROM peer_effects";

    /// <summary>About the size of a small listing's text, so the row and the message are not trivially small.</summary>
    public static readonly string Payload = new('x', 400);
}
