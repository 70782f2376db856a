namespace EcoBid.Server.Tests.Aws.EventBridge;

/// <summary>
/// Rows of (case name, pattern, expected TestEventPattern result), each a pattern tested against <see cref="Event"/>:
/// one matching and one non-matching pattern for each kind of filter.
/// </summary>
public sealed class EventPatternCases : TheoryData<string, string, bool>
{
    /// <summary>An event with the envelope TestEventPattern requires and a detail for the filters to look at.</summary>
    public const string Event = """
        {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","source":"ecobid.items","detail-type":"ItemCreated",
         "account":"123456789012","region":"us-east-1","time":"2026-12-05T10:00:00Z","resources":[],
         "detail":{"title":"Old atlas","category":"books","price":12.5,"sellerIp":"10.0.0.17"}}
        """;

    public EventPatternCases()
    {
        Add("exact source", """{"source":["ecobid.items"]}""", true);
        Add("exact source, other", """{"source":["ecobid.auctions"]}""", false);
        Add("prefix", """{"source":[{"prefix":"ecobid."}]}""", true);
        Add("prefix, other", """{"source":[{"prefix":"acme."}]}""", false);
        Add("anything-but, other value", """{"detail":{"category":[{"anything-but":["tools"]}]}}""", true);
        Add("anything-but, this value", """{"detail":{"category":[{"anything-but":["books","tools"]}]}}""", false);
        Add("numeric range", """{"detail":{"price":[{"numeric":[">",10,"<=",20]}]}}""", true);
        Add("numeric range, outside", """{"detail":{"price":[{"numeric":[">",20]}]}}""", false);
        Add("exists", """{"detail":{"title":[{"exists":true}]}}""", true);
        Add("exists, absent field", """{"detail":{"colour":[{"exists":true}]}}""", false);
        Add("exists false, absent field", """{"detail":{"colour":[{"exists":false}]}}""", true);
        Add("wildcard", """{"detail":{"title":[{"wildcard":"Old *"}]}}""", true);
        Add("wildcard, other", """{"detail":{"title":[{"wildcard":"*map"}]}}""", false);
        Add("$or, second branch", """{"$or":[{"detail":{"category":["tools"]}},{"detail":{"price":[{"numeric":["<",20]}]}}]}""", true);
        Add("$or, no branch", """{"$or":[{"detail":{"category":["tools"]}},{"detail":{"price":[{"numeric":[">",20]}]}}]}""", false);
        Add("cidr", """{"detail":{"sellerIp":[{"cidr":"10.0.0.0/24"}]}}""", true);
        Add("cidr, other network", """{"detail":{"sellerIp":[{"cidr":"10.1.0.0/16"}]}}""", false);
        Add("detail-type and source together", """{"source":["ecobid.items"],"detail-type":["ItemCreated","ItemUpdated"]}""", true);
    }
}
