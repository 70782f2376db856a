namespace EcoBid.Server.Hosting;

/// <summary>What one process does: serve the API, run the event workers, or both (the embedded default).</summary>
public enum ServerRole
{
    All,
    Api,
    Worker,
}
