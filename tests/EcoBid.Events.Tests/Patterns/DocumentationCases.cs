namespace EcoBid.Events.Tests.Patterns;

/// <summary>Examples from the EventBridge event-pattern and content-filtering documentation, run against its sample events.</summary>
public sealed class DocumentationCases : MatchCases
{
    public DocumentationCases()
    {
        ExactValues();
        PrefixAndSuffix();
        EqualsIgnoreCase();
        AnythingBut();
        Numeric();
        Cidr();
        Exists();
        Wildcard();
        AnyOf();
        EmptyValues();
    }

    private void ExactValues()
    {
        Match("source", "ec2", """{"source": ["aws.ec2"]}""");
        Match("source, detail-type and detail.state", "ec2", """
            {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["running"]}}
            """);
        NoMatch("state not listed", "ec2", """{"detail": {"state": ["pending"]}}""");
        Match("values in one array are alternatives", "ec2", """{"detail": {"state": ["pending", "running"]}}""");
        NoMatch("fields are all required", "ec2", """{"source": ["aws.ec2"], "detail": {"state": ["stopped"]}}""");
        Match("resources array intersects pattern array", "ec2", """
            {"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000", "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"]}
            """);
        NoMatch("resources array does not intersect", "ec2", """{"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"]}""");
        NoMatch("region differs", "ec2", """{"region": ["us-west-2"]}""");
        NoMatch("matching is case sensitive", "ec2", """{"source": ["AWS.EC2"]}""");
        NoMatch("field names are case sensitive", "ec2", """{"Source": ["aws.ec2"]}""");
        Match("number exact", "ec2", """{"detail": {"c-count": [5]}}""");
        Match("decimal exact", "ec2", """{"detail": {"x-limit": [301.8]}}""");
        NoMatch("number does not match its string form", "ec2", """{"detail": {"c-count": ["5"]}}""");
        NoMatch("nested field is not found at the top level", "ec2", """{"state": ["running"]}""");
    }

    private void PrefixAndSuffix()
    {
        Match("prefix on time", "ec2", """{"time": [{"prefix": "2017-10-02"}]}""");
        NoMatch("prefix on time, other day", "ec2", """{"time": [{"prefix": "2017-10-03"}]}""");
        Match("prefix ignoring case", "ec2", """{"source": [{"prefix": {"equals-ignore-case": "AWS."}}]}""");
        Match("prefix ignoring case on detail-type", "ec2", """{"detail-type": [{"prefix": {"equals-ignore-case": "ec2 instance"}}]}""");
        NoMatch("prefix is case sensitive", "ec2", """{"detail-type": [{"prefix": "ec2"}]}""");
        Match("suffix on FileName", "file", """{"detail": {"FileName": [{"suffix": ".png"}]}}""");
        NoMatch("suffix is case sensitive", "file", """{"detail": {"FileName": [{"suffix": ".PNG"}]}}""");
        Match("suffix ignoring case", "file", """{"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".PNG"}}]}}""");
        Match("suffix on instance-id", "ec2", """{"detail": {"instance-id": [{"suffix": "00000"}]}}""");
        Match("suffix ignoring case on instance-id", "ec2", """{"detail": {"instance-id": [{"suffix": {"equals-ignore-case": "AAAAAA00000"}}]}}""");
        Match("empty prefix matches every string (match-all idiom)", "ec2", """{"source": [{"prefix": ""}]}""");
    }

    private void EqualsIgnoreCase()
    {
        Match("equals-ignore-case on detail-type", "ec2", """{"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]}""");
        Match("equals-ignore-case on state", "ec2", """{"detail": {"state": [{"equals-ignore-case": "RUNNING"}]}}""");
        NoMatch("equals-ignore-case is not a prefix", "ec2", """{"detail": {"state": [{"equals-ignore-case": "run"}]}}""");
    }

    private void AnythingBut()
    {
        Match("anything-but string", "ec2", """{"detail": {"state": [{"anything-but": "initializing"}]}}""");
        NoMatch("anything-but the actual string", "ec2", """{"detail": {"state": [{"anything-but": "running"}]}}""");
        Match("anything-but number", "ec2", """{"detail": {"x-limit": [{"anything-but": 123}]}}""");
        NoMatch("anything-but the actual number", "ec2", """{"detail": {"x-limit": [{"anything-but": 301.8}]}}""");
        Match("anything-but string list", "ec2", """{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}""");
        NoMatch("anything-but string list containing the value", "ec2", """{"detail": {"state": [{"anything-but": ["stopped", "running"]}]}}""");
        Match("anything-but number list", "ec2", """{"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}""");
        NoMatch("anything-but number list containing the value", "ec2", """{"detail": {"c-count": [{"anything-but": [5, 6]}]}}""");
        Match("anything-but prefix", "ec2", """{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}""");
        NoMatch("anything-but prefix of the value", "ec2", """{"detail": {"state": [{"anything-but": {"prefix": "run"}}]}}""");
        Match("anything-but suffix", "file", """{"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}}""");
        NoMatch("anything-but suffix of the value", "ec2", """{"detail": {"instance-id": [{"anything-but": {"suffix": "00000"}}]}}""");
        Match("anything-but equals-ignore-case list", "ec2", """{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}}""");
        NoMatch("anything-but equals-ignore-case list with the value", "ec2", """{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "RUNNING"]}}]}}""");
        NoMatch("anything-but equals-ignore-case single", "ec2", """{"detail": {"state": [{"anything-but": {"equals-ignore-case": "RUNNING"}}]}}""");
        Match("anything-but wildcard", "file", """{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/dir/*"}}]}}""");
        NoMatch("anything-but wildcard covering the value", "ec2", """{"source": [{"anything-but": {"wildcard": "aws.*"}}]}""");
        Match("anything-but wildcard list", "ec2", """{"source": [{"anything-but": {"wildcard": ["*.s3", "*.sqs"]}}]}""");
        NoMatch("anything-but on a missing field", "ec2", """{"detail": {"e-count": [{"anything-but": "x"}]}}""");
    }

    private void Numeric()
    {
        Match("numeric range", "ec2", """{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}]}}""");
        NoMatch("numeric above", "ec2", """{"detail": {"c-count": [{"numeric": [">", 5]}]}}""");
        Match("numeric below", "ec2", """{"detail": {"d-count": [{"numeric": ["<", 10]}]}}""");
        Match("numeric equals in exponent form", "ec2", """{"detail": {"x-limit": [{"numeric": ["=", 3.018e2]}]}}""");
        Match("numeric equals", "ec2", """{"detail": {"x-limit": [{"numeric": ["=", 301.8]}]}}""");
        Match("documentation numeric example", "ec2", """
            {"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}
            """);
        Match("numeric half-open range", "ec2", """{"detail": {"x-limit": [{"numeric": [">=", 301.8, "<", 400]}]}}""");
        NoMatch("numeric exclusive lower bound", "ec2", """{"detail": {"x-limit": [{"numeric": [">", 301.8]}]}}""");
        NoMatch("numeric exclusive upper bound", "ec2", """{"detail": {"c-count": [{"numeric": ["<", 5]}]}}""");
        Match("numeric inclusive upper bound", "ec2", """{"detail": {"c-count": [{"numeric": ["<=", 5]}]}}""");
        NoMatch("numeric on a string field", "ec2", """{"detail": {"state": [{"numeric": [">", 0]}]}}""");
    }

    private void Cidr()
    {
        Match("cidr /24", "ec2", """{"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}""");
        NoMatch("cidr other /24", "ec2", """{"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}}""");
        Match("cidr /8", "ec2", """{"detail": {"source-ip": [{"cidr": "10.0.0.0/8"}]}}""");
        Match("cidr /27 containing .33", "ec2", """{"detail": {"source-ip": [{"cidr": "10.0.0.32/27"}]}}""");
        NoMatch("cidr /27 not containing .33", "ec2", """{"detail": {"source-ip": [{"cidr": "10.0.0.0/27"}]}}""");
    }

    private void Exists()
    {
        Match("exists true on a present field", "ec2", """{"detail": {"state": [{"exists": true}]}}""");
        NoMatch("exists false on a present field", "ec2", """{"detail": {"c-count": [{"exists": false}]}}""");
        Match("exists false on an absent field", "ec2", """{"detail": {"e-count": [{"exists": false}]}}""");
        NoMatch("exists true on an absent field", "ec2", """{"detail": {"e-count": [{"exists": true}]}}""");
        NoMatch("exists true on an intermediate node", "ec2", """{"detail": [{"exists": true}]}""");
        Match("exists false on an intermediate node", "ec2", """{"detail": [{"exists": false}]}""");
    }

    private void Wildcard()
    {
        Match("wildcard on source", "ec2", """{"source": [{"wildcard": "aws.*"}]}""");
        Match("wildcard on an ARN", "ec2", """{"resources": [{"wildcard": "arn:aws:ec2:*:instance/*"}]}""");
        Match("wildcard in the middle", "ec2", """{"detail-type": [{"wildcard": "EC2 * Notification"}]}""");
        NoMatch("wildcard is case sensitive", "ec2", """{"detail-type": [{"wildcard": "*notification"}]}""");
        Match("wildcard Dir/*/*.png", "file", """{"detail": {"FilePath": [{"wildcard": "Dir/*/*.png"}]}}""");
        Match("wildcard star also spans slashes", "file", """{"detail": {"FilePath": [{"wildcard": "Dir/*.png"}]}}""");
        NoMatch("wildcard needing more path segments", "file", """{"detail": {"FilePath": [{"wildcard": "Dir/*/*/*.png"}]}}""");
        NoMatch("wildcard other extension", "file", """{"detail": {"FilePath": [{"wildcard": "Dir/*/*.jpg"}]}}""");
    }

    private void AnyOf()
    {
        Match("$or on detail counts", "ec2", """
            {"$or": [{"detail": {"c-count": [{"numeric": [">", 10]}]}}, {"detail": {"d-count": [{"numeric": ["<", 5]}]}}]}
            """);
        NoMatch("$or with no alternative holding", "ec2", """
            {"$or": [{"detail": {"c-count": [{"numeric": [">", 10]}]}}, {"detail": {"d-count": [{"numeric": [">", 5]}]}}]}
            """);
        Match("$or with sibling field", "ec2", """
            {"source": ["aws.ec2"], "$or": [{"detail-type": ["Something else"]}, {"detail": {"state": ["running"]}}]}
            """);
        NoMatch("$or holds but sibling does not", "ec2", """
            {"source": ["aws.s3"], "$or": [{"detail-type": ["EC2 Instance State-change Notification"]}, {"detail": {"state": ["running"]}}]}
            """);
        Match("$or inside detail", "ec2", """
            {"detail": {"$or": [{"c-count": [{"numeric": [">", 0, "<=", 5]}]}, {"d-count": [{"numeric": ["<", 10]}]}, {"x-limit": [{"numeric": ["=", 3.018e2]}]}]}}
            """);
        Match("$or nested in a $or alternative", "ec2", """
            {"$or": [{"source": ["aws.s3"]}, {"$or": [{"region": ["eu-west-1"]}, {"detail": {"state": ["running"]}}]}]}
            """);
        Match("$or with exists false alternative", "ec2", """
            {"$or": [{"detail": {"state": ["stopped"]}}, {"detail": {"e-count": [{"exists": false}]}}]}
            """);
        Match("$or across source values", "file", """{"$or": [{"source": ["aws.ec2"]}, {"source": ["aws.s3"]}]}""");
    }

    private void EmptyValues()
    {
        Match("empty string", "api", """{"detail": {"eventVersion": [""]}}""");
        Match("null", "api", """{"detail": {"responseElements": [null]}}""");
        Match("empty string and null together", "api", """{"detail": {"eventVersion": [""], "responseElements": [null]}}""");
        NoMatch("null does not match an empty string", "api", """{"detail": {"eventVersion": [null]}}""");
        NoMatch("empty string does not match null", "api", """{"detail": {"responseElements": [""]}}""");
        NoMatch("null does not match a missing field", "api", """{"detail": {"awsRegion": [null]}}""");
        NoMatch("empty string does not match a missing field", "api", """{"detail": {"awsRegion": [""]}}""");
    }
}
