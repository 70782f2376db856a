using System.Text.Json.Nodes;

namespace EcoBid.Jsonata;

/// <summary>
/// A function written in C# and made callable from expressions as <c>$name</c> (see <see cref="JsonataOptions.Functions"/>).
/// </summary>
/// <param name="Signature">
/// A JSONata signature such as <c>&lt;n-n:a&gt;</c>; JSONata checks and coerces the arguments against it before the
/// body runs. Null accepts any arguments unchecked.
/// </param>
/// <param name="Body">
/// Receives the arguments as JSON (an absent argument and <c>undefined</c> arrive as null, a function argument as the
/// string ""); returns the result, or <see cref="JsonataResult.Undefined"/> for no value. Throwing a
/// <see cref="JsonataException"/> raises a JSONata error with its code and message.
/// </param>
public sealed record JsonataFunction(string? Signature, Func<IReadOnlyList<JsonNode?>, JsonataResult> Body);
