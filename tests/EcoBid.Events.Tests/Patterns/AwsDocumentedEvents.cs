namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// Events from the EventBridge user guide's pattern pages, each a full envelope so that TestEventPattern
/// accepts it, plus <see cref="WithDetail"/> for the operator pages' one-field snippets.
/// </summary>
public static class AwsDocumentedEvents
{
    /// <summary>eb-event-patterns.html, "Example events and event patterns".</summary>
    public const string Ec2Terminated = """
        {
          "version": "0",
          "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
          "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2",
          "account": "111122223333",
          "time": "2017-12-22T18:43:48Z",
          "region": "us-west-1",
          "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
          "detail": { "instance-id": "i-1234567890abcdef0", "state": "terminated" }
        }
        """;

    /// <summary>eb-event-patterns.html, "Matching null values and empty strings".</summary>
    public const string NullAndEmpty = """
        {
          "version": "0",
          "id": "3e3c153a-8339-4e30-8c35-687ebef853fe",
          "detail-type": "EC2 Instance Launch Successful",
          "source": "aws.autoscaling",
          "account": "123456789012",
          "time": "2015-11-11T21:31:47Z",
          "region": "us-east-1",
          "resources": [],
          "detail": { "eventVersion": "", "responseElements": null }
        }
        """;

    /// <summary>eb-event-patterns-arrays.html: an event whose <c>resources</c> array has three ARNs.</summary>
    public const string ThreeResources = """
        {
          "version": "0",
          "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
          "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2",
          "account": "111122223333",
          "time": "2017-12-22T18:43:48Z",
          "region": "us-east-1",
          "resources": [
            "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
            "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
            "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"
          ],
          "detail": { "instance-id": "i-b188560f", "state": "pending" }
        }
        """;

    /// <summary>eb-create-pattern-operators.html, "Exists matching": <c>c-count</c> is an intermediate node.</summary>
    public const string IntermediateNode = """
        {
          "version": "0",
          "id": "3e3c153a-8339-4e30-8c35-687ebef853fe",
          "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2",
          "account": "111122223333",
          "time": "2017-10-02T16:24:49Z",
          "region": "us-east-1",
          "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341"],
          "detail": { "c-count": { "c1": 100 } }
        }
        """;

    /// <summary>
    /// The fields of the operators page's comparison table, in one detail: UserID is null, LastName empty,
    /// Name "Alice", Location "New York", Day "Monday", PaymentType "Credit", Weather "Sunny", Price 100,
    /// ProductName "Widget", Region "us-east-1", FileName "image.png".
    /// </summary>
    public static readonly string ComparisonTable = WithDetail("""
        {
          "UserID": null, "LastName": "", "Name": "Alice", "Location": "New York", "Day": "Monday",
          "PaymentType": "Credit", "Weather": "Sunny", "Price": 100, "ProductName": "Widget",
          "Region": "us-east-1", "FileName": "image.png"
        }
        """);

    /// <summary>A full envelope (as TestEventPattern requires) around the given <c>detail</c> object.</summary>
    public static string WithDetail(string detailJson) => WithFields($"\"detail\": {detailJson}");

    /// <summary>A full envelope with extra top-level members, given as JSON members (<c>"k": v, ...</c>).</summary>
    public static string WithFields(string membersJson) => $$"""
        {
          "version": "0",
          "id": "7bf73129-1428-4cd3-a780-95db273d1602",
          "detail-type": "Documented Example",
          "source": "com.example.docs",
          "account": "123456789012",
          "time": "2024-01-15T10:00:00Z",
          "region": "us-east-1",
          "resources": [],
          {{membersJson}}
        }
        """;
}
