namespace EcoBid.Server.Workflows.Tasks;

/// <summary>How a task ends: with the call (request-response), with the child execution (<c>.sync</c>), or on a callback.</summary>
public enum TaskWaitMode
{
    RequestResponse,

    /// <summary><c>.sync</c>: the child's output arrives as JSON text.</summary>
    Sync,

    /// <summary><c>.sync:2</c>: the child's output arrives as JSON.</summary>
    Sync2,

    /// <summary><c>.waitForTaskToken</c>: SendTaskSuccess/Failure with the token ends it.</summary>
    Callback,
}
