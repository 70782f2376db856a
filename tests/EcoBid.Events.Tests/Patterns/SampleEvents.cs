namespace EcoBid.Events.Tests.Patterns;

/// <summary>Events the match tables refer to by name; a table entry may also give an event inline as JSON.</summary>
public static class SampleEvents
{
    /// <summary>The EC2 state-change event used throughout the EventBridge content-filtering documentation.</summary>
    public const string Ec2 = """
        {
          "version": "0",
          "id": "ddddd4-aaaa-7777-4444-345499999999",
          "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2",
          "account": "111122223333",
          "time": "2017-10-02T16:24:49Z",
          "region": "us-east-1",
          "resources": [
            "arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"
          ],
          "detail": {
            "c-count": 5,
            "d-count": 3,
            "x-limit": 301.8,
            "source-ip": "10.0.0.33",
            "instance-id": "i-000000aaaaaa00000",
            "state": "running"
          }
        }
        """;

    /// <summary>A file event in the shape of the documentation's FileName / FilePath examples.</summary>
    public const string File = """
        {
          "source": "aws.s3",
          "detail-type": "Object Created",
          "detail": {
            "FileName": "photo.png",
            "FilePath": "Dir/subdir/photo.png",
            "bucket": { "name": "eco-media" },
            "size": 1024
          }
        }
        """;

    /// <summary>An API-call event with an empty string, a null, a nested object and arrays.</summary>
    public const string Api = """
        {
          "source": "aws.iam",
          "detail-type": "AWS API Call via CloudTrail",
          "detail": {
            "eventVersion": "",
            "responseElements": null,
            "userIdentity": { "type": "Root", "principalId": "111122223333" },
            "requestParameters": { "tags": ["prod", "eu"], "instanceIds": ["i-1", "i-2"] }
          }
        }
        """;

    /// <summary>A marketplace event with arrays of objects, nested arrays, unicode text and an IPv6 address.</summary>
    public const string Order = """
        {
          "source": "ecobid.orders",
          "detail-type": "OrderPlaced",
          "detail": {
            "orderId": "ord-1001",
            "total": 149.90,
            "currency": "EUR",
            "buyer": { "id": "u-17", "country": "DE", "verified": true, "rating": 4.5 },
            "lines": [
              { "sku": "BIKE-01", "qty": 1, "price": 120, "tags": ["used", "eco"] },
              { "sku": "LOCK-07", "qty": 2, "price": 14.95, "tags": [] }
            ],
            "matrix": [[1, 2], [3, [4, 5]]],
            "groups": [[{ "k": "a" }], [{ "k": "b" }]],
            "coupon": null,
            "notes": "",
            "seller": { "name": "Zoë Grün", "city": "Köln", "ip": "2001:db8::1" }
          }
        }
        """;

    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["ec2"] = Ec2,
        ["file"] = File,
        ["api"] = Api,
        ["order"] = Order,
    };

    /// <summary>Returns the named sample, or the argument itself when it is inline JSON.</summary>
    public static string Resolve(string nameOrJson) =>
        nameOrJson.TrimStart().StartsWith('{') ? nameOrJson : Named[nameOrJson];
}
