using System.Text;
using System.Text.Json;
using EcoBid.Events.Storage;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Server.Workflows.Tasks;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Workflows;

/// <summary>
/// <see cref="IWorkflowService"/> on EcoBid's runtime: STANDARD executions through the durable loop
/// (<see cref="WorkflowRuntime"/>) in the store's write transactions, EXPRESS ones in memory
/// (<see cref="ExpressExecutions"/>).
/// </summary>
public sealed partial class WorkflowService(
    IEventDatabase database,
    IWorkflowStore store,
    WorkflowRuntime runtime,
    WorkflowDefinitions definitions,
    WorkflowTaskRegistry tasks,
    ExpressExecutions express,
    WorkflowArns arns,
    IOptions<WorkflowOptions> options) : IWorkflowService
{
    public const string Standard = "STANDARD";
    public const string Express = "EXPRESS";
    public const string Active = "ACTIVE";
    public const string Deleting = "DELETING";
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public WorkflowArns Arns => arns;

    private static WorkflowException NoMachine(string arn) => new(WorkflowErrors.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{arn}'");

    private static WorkflowException NoExecution(string arn) => new(WorkflowErrors.ExecutionDoesNotExist, $"Execution Does Not Exist: '{arn}'");

    private static int PageSize(int? maxResults) => maxResults switch
    {
        null or 0 => DefaultPageSize,
        < 0 or > MaxPageSize => throw new WorkflowException(WorkflowErrors.ValidationException, $"maxResults must be between 1 and {MaxPageSize}."),
        { } n => n,
    };

    private static string Token(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static string Untoken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new WorkflowException(WorkflowErrors.InvalidToken, "Invalid Token: 'Invalid token'");
        }
    }

    /// <summary>Input (or task output) must be JSON text within the size limit.</summary>
    private string CheckedJson(string? text, string code, string what)
    {
        text ??= "{}";
        if (Encoding.UTF8.GetByteCount(text) > options.Value.MaxInputBytes)
        {
            throw new WorkflowException(code, $"The {what} exceeds the limit of {options.Value.MaxInputBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new WorkflowException(code, $"Invalid {what}: {ex.Message}");
        }

        return text;
    }
}
