namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// Rows of (case name, event JSON, expected result, or <see langword="null"/> when TestEventPattern refuses the
/// event), all tested against <c>{"source": ["com.mycompany.myapp"]}</c>.
/// </summary>
/// <remarks>
/// TestEventPattern (API reference, and the AWS CLI reference's test-event-pattern example): the event must be a
/// JSON object with <c>id</c>, <c>account</c>, <c>source</c>, <c>time</c>, <c>region</c> and
/// <c>detail-type</c>; the CLI example's event has no <c>resources</c>, <c>version</c> or <c>detail</c> and is
/// accepted. A refused event is a ValidationException, "Parameter Event is not valid."
/// </remarks>
public sealed class AwsTestEventPatternEnvelopeCases : TheoryData<string, string, bool?>
{
    /// <summary>The pattern of the AWS CLI reference's test-event-pattern example.</summary>
    public const string Pattern = """{"source":["com.mycompany.myapp"]}""";

    /// <summary>The event of the AWS CLI reference's test-event-pattern example (its answer is true).</summary>
    public const string CliExample = """
        {"id":"1","source":"com.mycompany.myapp","detail-type":"myDetailType","account":"123456789012","region":"us-east-1","time":"2017-04-11T20:11:04Z"}
        """;

    private static readonly string[] Mandatory = ["id", "account", "source", "time", "region", "detail-type"];

    public AwsTestEventPatternEnvelopeCases()
    {
        Add("CLI reference example", CliExample, true);
        Add("CLI reference example, other source", CliExample.Replace("com.mycompany.myapp", "com.other", StringComparison.Ordinal), false);
        Add("with resources, version and detail", """
            {"version":"0","id":"1","source":"com.mycompany.myapp","detail-type":"t","account":"123456789012","region":"us-east-1",
             "time":"2017-04-11T20:11:04Z","resources":[],"detail":{"a":1}}
            """, true);
        foreach (string field in Mandatory)
        {
            Add($"without {field}", Without(field), null);
        }

        Add("an array", $"[{CliExample}]", null);
        Add("a string", "\"event\"", null);
        Add("not JSON", "{\"id\": ", null);
    }

    private static string Without(string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(CliExample)!.AsObject();
        node.Remove(field).ShouldBeTrue();
        return node.ToJsonString();
    }
}
