using System.Text.Json.Nodes;

namespace EcoBid.Server.Workflows.Tasks;

/// <summary>
/// An EcoBid task handler a state machine calls by name, as it would call a Lambda function: through
/// <c>arn:aws:states:::lambda:invoke</c> with <c>Parameters.FunctionName</c>, or as
/// <c>arn:aws:lambda:{region}:{account}:function:{Name}</c>. It runs inside the execution's write transaction
/// (<see cref="WorkflowTaskContext.Scope"/>): its writes and events commit with the transition that follows, or not
/// at all. Throw <see cref="WorkflowTaskException"/> to fail the task with an error name a Retry or Catch can match;
/// any other exception fails it with the exception's type name, as Lambda names an unhandled error.
/// </summary>
public interface IWorkflowTask
{
    /// <summary>The function name definitions use.</summary>
    string Name { get; }

    Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context);
}
