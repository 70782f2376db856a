using EcoBid.Server.Workflows.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Workflows.Api;

/// <summary>A refused workflow call as a problem: 404 for what does not exist, 409 for conflicts, 400 for the rest; <c>code</c> is AWS's error code.</summary>
public static class WorkflowProblems
{
    public const string TypeBase = "https://ecobid.dev/problems/workflows/";

    public static ProblemHttpResult From(WorkflowException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.Code switch
        {
            WorkflowErrors.StateMachineDoesNotExist or WorkflowErrors.ExecutionDoesNotExist or WorkflowErrors.TaskDoesNotExist => StatusCodes.Status404NotFound,
            WorkflowErrors.ExecutionAlreadyExists or WorkflowErrors.StateMachineAlreadyExists or WorkflowErrors.StateMachineDeleting
                or WorkflowErrors.ConflictException or WorkflowErrors.TaskTimedOut => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(
            statusCode: status,
            title: exception.Code,
            detail: exception.Message,
            type: TypeBase + exception.Code,
            extensions: new Dictionary<string, object?> { ["code"] = exception.Code });
    }
}
