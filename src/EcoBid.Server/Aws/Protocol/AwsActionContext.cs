using System.Text.Json.Nodes;

namespace EcoBid.Server.Aws.Protocol;

/// <summary>A call to an action: its input (already checked against the action's shape), the request's services, and its cancellation.</summary>
public sealed class AwsActionContext(JsonObject input, IServiceProvider services, CancellationToken cancellationToken)
{
    public JsonObject Input { get; } = input;

    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public string? Text(string name) => Text(Input, name);

    /// <summary>A member the shape declares required (so present once checked).</summary>
    public string Required(string name) => Text(name) ?? throw new AwsException(AwsErrors.ValidationException, $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public int? WholeNumber(string name) => Input[name] is { } value ? (int)AwsShape.ToLong(value) : null;

    public bool Boolean(string name) => Input[name] is { } value && value.GetValue<bool>();

    public JsonObject? Structure(string name) => Input[name] as JsonObject;

    public static string? Text(JsonObject? input, string name) => input?[name] is { } value ? value.GetValue<string>() : null;
}
