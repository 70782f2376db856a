using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Workflows.Testing;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>The workflow service's refusals as Step Functions' errors: its codes are AWS's already, and all are client errors (400).</summary>
internal static class StepFunctionsErrors
{
    public const string MissingRequiredParameter = "MissingRequiredParameter";

    public static AwsException? Translate(Exception exception) => exception switch
    {
        WorkflowException workflow => new AwsException(workflow.Code, workflow.Message),
        InvalidDefinitionException definition => new AwsException(WorkflowErrors.InvalidDefinition, definition.Message),
        _ => null,
    };

    public static AwsException Validation(string message) => new(WorkflowErrors.ValidationException, message);
}
