using System.Text.Json.Nodes;

namespace EcoBid.Server.Aws.Protocol;

/// <summary>One action of a service (<c>X-Amz-Target: Prefix.Name</c>): its input shape and what it does.</summary>
public sealed record AwsAction(string Name, AwsShape Input, Func<AwsActionContext, Task<JsonObject>> Handle);
