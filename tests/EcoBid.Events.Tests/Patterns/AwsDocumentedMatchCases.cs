namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// Match or no match, as the EventBridge user guide states it: each group names the page and section its
/// expectations come from. Every event is a full envelope, so each row also runs through TestEventPattern.
/// </summary>
/// <remarks>
/// Pages: eb-event-patterns.html (event patterns), eb-event-patterns-arrays.html (arrays) and
/// eb-create-pattern-operators.html (content filtering: the comparison table, then one section per operator).
/// </remarks>
public sealed class AwsDocumentedMatchCases : MatchCases
{
    private const string Ec2 = SampleEvents.Ec2;
    private const string Terminated = AwsDocumentedEvents.Ec2Terminated;
    private const string NullAndEmpty = AwsDocumentedEvents.NullAndEmpty;
    private const string Resources = AwsDocumentedEvents.ThreeResources;
    private const string Intermediate = AwsDocumentedEvents.IntermediateNode;
    private static readonly string Table = AwsDocumentedEvents.ComparisonTable;

    public AwsDocumentedMatchCases()
    {
        EventPatterns();
        NullAndEmptyValues();
        Arrays();
        ComparisonTable();
        PrefixMatching();
        SuffixMatching();
        AnythingButMatching();
        NumericMatching();
        IpAddressMatching();
        ExistsMatching();
        EqualsIgnoreCaseMatching();
        WildcardMatching();
        MultipleMatching();
        NestedFieldsAndDottedNames();
        ValueTypes();
    }

    private static string Detail(string json) => AwsDocumentedEvents.WithDetail(json);

    // eb-event-patterns.html, "Event patterns" and "Example events and event patterns": a pattern matches when
    // the event has every field the pattern names, with the same nesting, and a listed value; other event
    // fields are ignored; matching is exact, character by character, for names and values.
    private void EventPatterns()
    {
        Match("documented EC2 pattern", Terminated, """
            {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["terminated"]}}
            """);
        NoMatch("documented EC2 pattern against a running instance", Ec2, """
            {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["terminated"]}}
            """);
        Match("one field is enough", Terminated, """{"source": ["aws.ec2"]}""");
        NoMatch("other source", Terminated, """{"source": ["aws.s3"]}""");
        Match("any listed value", Terminated, """{"detail": {"state": ["pending", "terminated"]}}""");
        NoMatch("no listed value", Terminated, """{"detail": {"state": ["pending", "running"]}}""");
        NoMatch("every pattern field must be in the event", Terminated, """{"source": ["aws.ec2"], "detail": {"state-reason": ["user"]}}""");
        NoMatch("same nesting: detail.state is not state", Terminated, """{"state": ["terminated"]}""");
        Match("event fields outside the pattern are ignored", Terminated, """{"detail": {"instance-id": ["i-1234567890abcdef0"]}}""");
        NoMatch("values are case sensitive", Terminated, """{"source": ["AWS.EC2"]}""");
        NoMatch("field names are case sensitive", Terminated, """{"Source": ["aws.ec2"]}""");
        NoMatch("no normalisation of white space", Terminated, """{"detail-type": ["EC2 Instance State-change Notification "]}""");
        Match("account", Terminated, """{"account": ["111122223333"]}""");
        Match("region", Terminated, """{"region": ["us-west-1"]}""");
        Match("time", Terminated, """{"time": ["2017-12-22T18:43:48Z"]}""");
        Match("id", Terminated, """{"id": ["6a7e8feb-b491-4cf7-a9f1-bf3703467718"]}""");
        Match("version", Terminated, """{"version": ["0"]}""");
        Match("resources", Terminated, """{"resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"]}""");
        Match("all envelope fields together", Terminated, """
            {"version": ["0"], "id": ["6a7e8feb-b491-4cf7-a9f1-bf3703467718"], "account": ["111122223333"], "region": ["us-west-1"],
             "time": ["2017-12-22T18:43:48Z"], "source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}
            """);
        NoMatch("one envelope field differs", Terminated, """{"source": ["aws.ec2"], "region": ["us-east-1"]}""");

        // eb-archive.html (archiving every event): {"source": [{"prefix": ""}]} is the documented match-all pattern.
        Match("match-all pattern", Terminated, """{"source": [{"prefix": ""}]}""");
        Match("match-all pattern, another source", NullAndEmpty, """{"source": [{"prefix": ""}]}""");
    }

    // eb-event-patterns.html, "Matching null values and empty strings": null and "" each match themselves and
    // are not interchangeable.
    private void NullAndEmptyValues()
    {
        Match("empty string", NullAndEmpty, """{"detail": {"eventVersion": [""]}}""");
        Match("null", NullAndEmpty, """{"detail": {"responseElements": [null]}}""");
        NoMatch("null does not match the empty string", NullAndEmpty, """{"detail": {"eventVersion": [null]}}""");
        NoMatch("the empty string does not match null", NullAndEmpty, """{"detail": {"responseElements": [""]}}""");
        NoMatch("null does not match a missing field", NullAndEmpty, """{"detail": {"requestParameters": [null]}}""");
        Match("null listed with other values", NullAndEmpty, """{"detail": {"responseElements": ["x", null]}}""");
    }

    // eb-event-patterns-arrays.html: when the event value is an array, the pattern matches if the pattern's
    // values and the event's array intersect.
    private void Arrays()
    {
        Match("documented resources pattern", Resources, """
            {"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f", "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f", "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"]}
            """);
        Match("one value in common (second element)", Resources, """{"resources": ["arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f"]}""");
        Match("one value in common (last element)", Resources, """{"resources": ["x", "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"]}""");
        NoMatch("no value in common", Resources, """{"resources": ["arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f"]}""");
        Match("prefix over an event array", Resources, """{"resources": [{"prefix": "arn:aws:ec2:us-east-1:444455556666:"}]}""");
        Match("anything-but over an event array: some element is not excluded", Resources, """
            {"resources": [{"anything-but": "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"}]}
            """);
        NoMatch("an empty event array has no value to intersect", NullAndEmpty, """{"resources": [null]}""");
        NoMatch("an empty event array is not the empty string", NullAndEmpty, """{"resources": [""]}""");
        Match("array in detail", Detail("""{"tags": ["eco", "used"]}"""), """{"detail": {"tags": ["used"]}}""");
        NoMatch("array in detail, no value in common", Detail("""{"tags": ["eco", "used"]}"""), """{"detail": {"tags": ["new"]}}""");
        Match("numbers in an event array", Detail("""{"sizes": [10, 20, 30]}"""), """{"detail": {"sizes": [30]}}""");
        Match("numeric over an event array", Detail("""{"sizes": [10, 20, 30]}"""), """{"detail": {"sizes": [{"numeric": [">", 25]}]}}""");
        NoMatch("numeric over an event array, no element in range", Detail("""{"sizes": [10, 20, 30]}"""), """{"detail": {"sizes": [{"numeric": [">", 30]}]}}""");
        Match("array of objects", Detail("""{"items": [{"sku": "A"}, {"sku": "B"}]}"""), """{"detail": {"items": {"sku": ["B"]}}}""");
        NoMatch("array of objects, no element matches", Detail("""{"items": [{"sku": "A"}, {"sku": "B"}]}"""), """{"detail": {"items": {"sku": ["C"]}}}""");
    }

    // eb-create-pattern-operators.html, "Comparison operators": one row per line of the table, against an event
    // holding the table's fields.
    private void ComparisonTable()
    {
        Match("Null", Table, """{"detail": {"UserID": [null]}}""");
        Match("Empty", Table, """{"detail": {"LastName": [""]}}""");
        Match("Equals", Table, """{"detail": {"Name": ["Alice"]}}""");
        NoMatch("Equals is case sensitive", Table, """{"detail": {"Name": ["alice"]}}""");
        Match("Equals (ignore case)", Table, """{"detail": {"Name": [{"equals-ignore-case": "alice"}]}}""");
        Match("And", Table, """{"detail": {"Location": ["New York"], "Day": ["Monday"]}}""");
        NoMatch("And, one side false", Table, """{"detail": {"Location": ["New York"], "Day": ["Tuesday"]}}""");
        Match("Or", Table, """{"detail": {"PaymentType": ["Credit", "Debit"]}}""");
        Match("Or (multiple fields)", Table, """{"detail": {"$or": [{"Location": ["New York"]}, {"Day": ["Monday"]}]}}""");
        Match("Or (multiple fields), second field", Table, """{"detail": {"$or": [{"Location": ["Boston"]}, {"Day": ["Monday"]}]}}""");
        NoMatch("Or (multiple fields), neither", Table, """{"detail": {"$or": [{"Location": ["Boston"]}, {"Day": ["Friday"]}]}}""");
        Match("Not", Table, """{"detail": {"Weather": [{"anything-but": ["Raining"]}]}}""");
        NoMatch("Not, the excluded value", Table, """{"detail": {"Weather": [{"anything-but": ["Raining", "Sunny"]}]}}""");
        Match("Numeric (equals)", Table, """{"detail": {"Price": [{"numeric": ["=", 100]}]}}""");
        NoMatch("Numeric (range), outside", Table, """{"detail": {"Price": [{"numeric": [">", 10, "<=", 20]}]}}""");
        Match("Numeric (range), inside", Table, """{"detail": {"Price": [{"numeric": [">", 10, "<=", 100]}]}}""");
        Match("Exists", Table, """{"detail": {"ProductName": [{"exists": true}]}}""");
        NoMatch("Does not exist, but it does", Table, """{"detail": {"ProductName": [{"exists": false}]}}""");
        Match("Does not exist", Table, """{"detail": {"Discount": [{"exists": false}]}}""");
        Match("Begins with", Table, """{"detail": {"Region": [{"prefix": "us-"}]}}""");
        NoMatch("Begins with, other prefix", Table, """{"detail": {"Region": [{"prefix": "eu-"}]}}""");
        Match("Ends with", Table, """{"detail": {"FileName": [{"suffix": ".png"}]}}""");
        NoMatch("Ends with, other suffix", Table, """{"detail": {"FileName": [{"suffix": ".jpg"}]}}""");
    }

    // eb-create-pattern-operators.html, "Prefix matching" and "Prefix matching while ignoring case".
    private void PrefixMatching()
    {
        Match("prefix on time", Ec2, """{"time": [{"prefix": "2017-10-02"}]}""");
        NoMatch("prefix on time, another day", Ec2, """{"time": [{"prefix": "2017-10-03"}]}""");
        Match("the whole value is a prefix of itself", Ec2, """{"detail": {"state": [{"prefix": "running"}]}}""");
        NoMatch("prefix longer than the value", Ec2, """{"detail": {"state": [{"prefix": "running-late"}]}}""");
        NoMatch("prefix is case sensitive", Detail("""{"name": "ALICE Smith"}"""), """{"detail": {"name": [{"prefix": "alice"}]}}""");
        Match("prefix ignoring case", Detail("""{"name": "ALICE Smith"}"""), """{"detail": {"name": [{"prefix": {"equals-ignore-case": "alice"}}]}}""");
        NoMatch("prefix ignoring case, other text", Detail("""{"name": "Bob"}"""), """{"detail": {"name": [{"prefix": {"equals-ignore-case": "alice"}}]}}""");
        NoMatch("prefix is a string operator: numbers do not match", Ec2, """{"detail": {"c-count": [{"prefix": "5"}]}}""");
    }

    // eb-create-pattern-operators.html, "Suffix matching" and "Suffix matching while ignoring case".
    private void SuffixMatching()
    {
        Match("suffix", Table, """{"detail": {"FileName": [{"suffix": ".png"}]}}""");
        NoMatch("suffix is case sensitive", Table, """{"detail": {"FileName": [{"suffix": ".PNG"}]}}""");
        Match("suffix ignoring case", Table, """{"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".PNG"}}]}}""");
        NoMatch("suffix ignoring case, other ending", Table, """{"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".JPG"}}]}}""");
        Match("suffix on instance-id", Ec2, """{"detail": {"instance-id": [{"suffix": "00000"}]}}""");
        NoMatch("suffix is a string operator: numbers do not match", Ec2, """{"detail": {"c-count": [{"suffix": "5"}]}}""");
    }

    // eb-create-pattern-operators.html, "Anything-but matching" (string, number, lists, prefix, suffix,
    // ignoring case, wildcard); the field must still be in the event, as every pattern field must.
    private void AnythingButMatching()
    {
        Match("anything-but a string", Ec2, """{"detail": {"state": [{"anything-but": "initializing"}]}}""");
        NoMatch("anything-but the value itself", Ec2, """{"detail": {"state": [{"anything-but": "running"}]}}""");
        Match("anything-but a number", Ec2, """{"detail": {"x-limit": [{"anything-but": 123}]}}""");
        NoMatch("anything-but the number itself", Ec2, """{"detail": {"x-limit": [{"anything-but": 301.8}]}}""");
        NoMatch("anything-but the number in exponent form", Ec2, """{"detail": {"x-limit": [{"anything-but": 3.018e2}]}}""");
        Match("anything-but a list of strings", Ec2, """{"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}""");
        NoMatch("anything-but a list of strings holding the value", Ec2, """{"detail": {"state": [{"anything-but": ["stopped", "running"]}]}}""");
        Match("anything-but a list of numbers", Ec2, """{"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}""");
        NoMatch("anything-but a list of numbers holding the value", Ec2, """{"detail": {"c-count": [{"anything-but": [1, 5, 10]}]}}""");
        Match("anything-but a prefix", Ec2, """{"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}""");
        NoMatch("anything-but a prefix of the value", Ec2, """{"detail": {"state": [{"anything-but": {"prefix": "run"}}]}}""");
        Match("anything-but a list of prefixes", Ec2, """{"detail": {"state": [{"anything-but": {"prefix": ["init", "stop"]}}]}}""");
        NoMatch("anything-but a list of prefixes, one fits", Ec2, """{"detail": {"state": [{"anything-but": {"prefix": ["init", "run"]}}]}}""");
        Match("anything-but a suffix", Table, """{"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}}""");
        NoMatch("anything-but a suffix of the value", Table, """{"detail": {"FileName": [{"anything-but": {"suffix": ".png"}}]}}""");
        Match("anything-but a list of suffixes", Table, """{"detail": {"FileName": [{"anything-but": {"suffix": [".txt", ".doc"]}}]}}""");
        NoMatch("anything-but a list of suffixes, one fits", Table, """{"detail": {"FileName": [{"anything-but": {"suffix": [".txt", ".png"]}}]}}""");
        Match("anything-but ignoring case", Ec2, """{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}}""");
        NoMatch("anything-but ignoring case, the value in other case", Ec2, """{"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "RUNNING"]}}]}}""");
        NoMatch("anything-but ignoring case, one string", Ec2, """{"detail": {"state": [{"anything-but": {"equals-ignore-case": "Running"}}]}}""");
        Match("anything-but a wildcard", Detail("""{"FilePath": "/usr/bin/app"}"""), """{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}}""");
        NoMatch("anything-but a wildcard covering the value", Detail("""{"FilePath": "/usr/lib/libc.so"}"""), """{"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}}""");
        NoMatch("anything-but a list of wildcards, one covers the value", Detail("""{"FilePath": "/usr/bin/app"}"""), """{"detail": {"FilePath": [{"anything-but": {"wildcard": ["*/lib/*", "*/bin/*"]}}]}}""");
        Match("anything-but a list of wildcards, none covers the value", Detail("""{"FilePath": "/opt/app"}"""), """{"detail": {"FilePath": [{"anything-but": {"wildcard": ["*/lib/*", "*/bin/*"]}}]}}""");
        NoMatch("anything-but needs the field", Ec2, """{"detail": {"state-reason": [{"anything-but": "x"}]}}""");
        Match("anything-but on an envelope field", Ec2, """{"source": [{"anything-but": ["aws.s3", "aws.sqs"]}]}""");
        NoMatch("anything-but a region prefix", Ec2, """{"region": [{"anything-but": {"prefix": "us-"}}]}""");
    }

    // eb-create-pattern-operators.html, "Numeric matching": JSON numbers only, -5.0e9 to +5.0e9 inclusive, to
    // six digits right of the decimal point; the documented example uses >, <=, < and = (3.018e2 = 301.8).
    private void NumericMatching()
    {
        Match("documented numeric example", Ec2, """
            {"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}
            """);
        NoMatch("documented numeric example, one range missed", Ec2, """
            {"detail": {"c-count": [{"numeric": [">", 0, "<", 5]}], "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}}
            """);
        Match("greater or equal at the bound", Ec2, """{"detail": {"c-count": [{"numeric": [">=", 5]}]}}""");
        NoMatch("greater at the bound", Ec2, """{"detail": {"c-count": [{"numeric": [">", 5]}]}}""");
        Match("less or equal at the bound", Ec2, """{"detail": {"c-count": [{"numeric": ["<=", 5]}]}}""");
        NoMatch("less at the bound", Ec2, """{"detail": {"c-count": [{"numeric": ["<", 5]}]}}""");
        Match("equals a decimal", Ec2, """{"detail": {"x-limit": [{"numeric": ["=", 301.8]}]}}""");
        Match("closed range", Ec2, """{"detail": {"x-limit": [{"numeric": [">=", 301.8, "<=", 301.8001]}]}}""");
        Match("negative range", Detail("""{"t": -12.5}"""), """{"detail": {"t": [{"numeric": [">", -20, "<", -10]}]}}""");
        NoMatch("a numeric-looking string is not a number", Detail("""{"count": "5"}"""), """{"detail": {"count": [{"numeric": [">", 0]}]}}""");
        NoMatch("null is not a number", Detail("""{"count": null}"""), """{"detail": {"count": [{"numeric": [">", 0]}]}}""");
        NoMatch("booleans are not numbers", Detail("""{"count": true}"""), """{"detail": {"count": [{"numeric": [">", 0]}]}}""");
        Match("numeric expressions listed are alternatives", Ec2, """{"detail": {"x-limit": [{"numeric": ["<", 0]}, {"numeric": [">", 300]}]}}""");
        Match("upper limit 5.0e9 is inclusive", Detail("""{"n": 5000000000}"""), """{"detail": {"n": [{"numeric": ["=", 5.0e9]}]}}""");
        Match("lower limit -5.0e9 is inclusive", Detail("""{"n": -5000000000}"""), """{"detail": {"n": [{"numeric": ["<=", -5.0e9]}]}}""");
        NoMatch("event numbers beyond the limit take no part in numeric matching", Detail("""{"n": 6000000000}"""), """{"detail": {"n": [{"numeric": [">", 0]}]}}""");
        Match("six digits right of the decimal point", Detail("""{"n": 0.000002}"""), """{"detail": {"n": [{"numeric": [">", 0.000001]}]}}""");
        Match("a seventh decimal digit is beyond the precision", Detail("""{"n": 5.0000001}"""), """{"detail": {"n": [{"numeric": ["=", 5]}]}}""");
    }

    // eb-create-pattern-operators.html, "IP address matching": cidr blocks, IPv4 and IPv6, on string values.
    private void IpAddressMatching()
    {
        Match("IPv4 block", Detail("""{"sourceIPAddress": "10.0.0.255"}"""), """{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}}""");
        NoMatch("IPv4 outside the block", Detail("""{"sourceIPAddress": "10.0.1.0"}"""), """{"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}}""");
        Match("documented event address", Ec2, """{"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}""");
        Match("single host /32", Detail("""{"ip": "192.0.2.7"}"""), """{"detail": {"ip": [{"cidr": "192.0.2.7/32"}]}}""");
        NoMatch("single host /32, neighbour", Detail("""{"ip": "192.0.2.8"}"""), """{"detail": {"ip": [{"cidr": "192.0.2.7/32"}]}}""");
        Match("IPv6 block", Detail("""{"sourceIPAddress": "2001:db8:1234:1a00::1"}"""), """{"detail": {"sourceIPAddress": [{"cidr": "2001:db8:1234:1a00::/64"}]}}""");
        NoMatch("IPv6 outside the block", Detail("""{"sourceIPAddress": "2001:db8:1234:1a01::1"}"""), """{"detail": {"sourceIPAddress": [{"cidr": "2001:db8:1234:1a00::/64"}]}}""");
        Match("IPv6 written in full", Detail("""{"ip": "2001:0db8:1234:1a00:0000:0000:0000:0001"}"""), """{"detail": {"ip": [{"cidr": "2001:db8:1234:1a00::/64"}]}}""");
        NoMatch("IPv4 address against an IPv6 block", Detail("""{"ip": "10.0.0.1"}"""), """{"detail": {"ip": [{"cidr": "::/0"}]}}""");
        NoMatch("IPv6 address against an IPv4 block", Detail("""{"ip": "2001:db8::1"}"""), """{"detail": {"ip": [{"cidr": "0.0.0.0/0"}]}}""");
        NoMatch("not an address", Detail("""{"ip": "example.com"}"""), """{"detail": {"ip": [{"cidr": "0.0.0.0/0"}]}}""");
        NoMatch("cidr matches strings, not numbers", Detail("""{"ip": 167772161}"""), """{"detail": {"ip": [{"cidr": "0.0.0.0/0"}]}}""");
    }

    // eb-create-pattern-operators.html, "Exists matching": presence or absence of a field; only leaf nodes count,
    // so an intermediate node neither exists (true) nor blocks exists: false.
    private void ExistsMatching()
    {
        Match("exists true on a present field", Ec2, """{"detail": {"state": [{"exists": true}]}}""");
        NoMatch("exists true on an absent field", Intermediate, """{"detail": {"state": [{"exists": true}]}}""");
        Match("exists false on an absent field", Intermediate, """{"detail": {"state": [{"exists": false}]}}""");
        NoMatch("exists false on a present field", Ec2, """{"detail": {"state": [{"exists": false}]}}""");
        NoMatch("exists true on an intermediate node", Intermediate, """{"detail": {"c-count": [{"exists": true}]}}""");
        Match("exists false on an intermediate node", Intermediate, """{"detail": {"c-count": [{"exists": false}]}}""");
        Match("exists true on the leaf below it", Intermediate, """{"detail": {"c-count": {"c1": [{"exists": true}]}}}""");
        Match("exists false when the parent is missing", AwsDocumentedEvents.WithFields("\"note\": 1"), """{"detail": {"state": [{"exists": false}]}}""");
        Match("exists true on a null value: the field is there", NullAndEmpty, """{"detail": {"responseElements": [{"exists": true}]}}""");
        NoMatch("exists false on a null value", NullAndEmpty, """{"detail": {"responseElements": [{"exists": false}]}}""");
        Match("exists true on an empty string", NullAndEmpty, """{"detail": {"eventVersion": [{"exists": true}]}}""");
        Match("exists true on an array of values", Resources, """{"resources": [{"exists": true}]}""");
        NoMatch("exists true on an empty array: no leaf value", NullAndEmpty, """{"resources": [{"exists": true}]}""");
        Match("exists false on an empty array", NullAndEmpty, """{"resources": [{"exists": false}]}""");
        NoMatch("exists false when an array element has the field", Detail("""{"items": [{"sku": "A"}, {"name": "B"}]}"""), """{"detail": {"items": {"sku": [{"exists": false}]}}}""");
        Match("exists false when no array element has the field", Detail("""{"items": [{"name": "A"}, {"name": "B"}]}"""), """{"detail": {"items": {"sku": [{"exists": false}]}}}""");
        Match("exists false with other fields", Ec2, """{"source": ["aws.ec2"], "detail": {"state": ["running"], "state-reason": [{"exists": false}]}}""");
        NoMatch("exists false holds but another field does not", Ec2, """{"source": ["aws.s3"], "detail": {"state-reason": [{"exists": false}]}}""");
    }

    // eb-create-pattern-operators.html, "Equals-ignore-case matching".
    private void EqualsIgnoreCaseMatching()
    {
        Match("documented detail-type", Ec2, """{"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]}""");
        Match("upper case pattern", Ec2, """{"detail-type": [{"equals-ignore-case": "EC2 INSTANCE STATE-CHANGE NOTIFICATION"}]}""");
        NoMatch("ignoring case is still whole-value equality", Ec2, """{"detail-type": [{"equals-ignore-case": "ec2 instance"}]}""");
        NoMatch("other text", Table, """{"detail": {"Name": [{"equals-ignore-case": "alicia"}]}}""");
        NoMatch("string operator: numbers do not match", Ec2, """{"detail": {"c-count": [{"equals-ignore-case": "5"}]}}""");
        Match("over an event array", Resources, """{"resources": [{"equals-ignore-case": "ARN:AWS:EC2:US-EAST-1:444455556666:INSTANCE/I-B188560F"}]}""");
    }

    // eb-create-pattern-operators.html, "Wildcard matching": * is any run of characters, \* a literal star and
    // \\ a literal backslash; matching is case sensitive and applies to strings.
    private void WildcardMatching()
    {
        Match("documented event bus ARN", Detail("""{"EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/default"}"""), """
            {"detail": {"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]}}
            """);
        NoMatch("documented event bus ARN, other region", Detail("""{"EventBusArn": "arn:aws:events:us-west-2:123456789012:event-bus/default"}"""), """
            {"detail": {"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]}}
            """);
        Match("star spans slashes", Detail("""{"FilePath": "dir/sub/image.png"}"""), """{"detail": {"FilePath": [{"wildcard": "dir/*.png"}]}}""");
        NoMatch("fixed text must match", Detail("""{"FilePath": "dir/sub/image.jpg"}"""), """{"detail": {"FilePath": [{"wildcard": "dir/*.png"}]}}""");
        Match("star matches nothing", Detail("""{"FilePath": "dir/.png"}"""), """{"detail": {"FilePath": [{"wildcard": "dir/*.png"}]}}""");
        Match("several stars", Ec2, """{"resources": [{"wildcard": "arn:aws:ec2:*:*:instance/*"}]}""");
        Match("escaped star is a literal star", Detail("""{"s": "a*b"}"""), """{"detail": {"s": [{"wildcard": "a\\*b"}]}}""");
        NoMatch("escaped star is not a wildcard", Detail("""{"s": "axb"}"""), """{"detail": {"s": [{"wildcard": "a\\*b"}]}}""");
        Match("escaped backslash is a literal backslash", Detail("""{"s": "a\\b"}"""), """{"detail": {"s": [{"wildcard": "a\\\\b"}]}}""");
        Match("a lone star matches every string", Detail("""{"s": ""}"""), """{"detail": {"s": [{"wildcard": "*"}]}}""");
        NoMatch("wildcard is case sensitive", Ec2, """{"detail-type": [{"wildcard": "ec2 *"}]}""");
        NoMatch("wildcard matches strings, not numbers", Ec2, """{"detail": {"c-count": [{"wildcard": "*"}]}}""");
        Match("no star means equality", Ec2, """{"source": [{"wildcard": "aws.ec2"}]}""");
    }

    // eb-create-pattern-operators.html, "Multiple matching" ($or): alternatives joined by OR, combined by AND with
    // the fields beside them; $or may sit at any level and inside another $or.
    private void MultipleMatching()
    {
        const string Metric = """
            {"version": "0", "id": "1", "detail-type": "Metric", "source": "aws.cloudwatch", "account": "123456789012",
             "time": "2024-01-15T10:00:00Z", "region": "us-east-1", "resources": [], "metricName": "CPUUtilization", "namespace": "AWS/RDS"}
            """;
        const string Documented = """
            {"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization", "ReadLatency"]}, {"namespace": ["AWS/EC2", "AWS/ES"]}]}
            """;
        Match("documented $or: metricName holds", Metric, Documented);
        Match("documented $or: namespace holds", Metric.Replace("CPUUtilization", "WriteLatency", StringComparison.Ordinal).Replace("AWS/RDS", "AWS/ES", StringComparison.Ordinal), Documented);
        NoMatch("documented $or: neither holds", Metric.Replace("CPUUtilization", "WriteLatency", StringComparison.Ordinal), Documented);
        NoMatch("documented $or: source differs", Metric.Replace("aws.cloudwatch", "aws.ec2", StringComparison.Ordinal), Documented);
        Match("documented $or inside detail", Ec2, """
            {"detail": {"$or": [{"c-count": [{"numeric": [">", 0, "<=", 5]}]}, {"d-count": [{"numeric": ["<", 10]}]}, {"x-limit": [{"numeric": ["=", 3.018e2]}]}]}}
            """);
        NoMatch("$or inside detail, no alternative holds", Ec2, """
            {"detail": {"$or": [{"c-count": [{"numeric": [">", 5]}]}, {"d-count": [{"numeric": [">", 10]}]}, {"x-limit": [{"numeric": ["=", 300]}]}]}}
            """);
        Match("$or nested in a $or", Ec2, """
            {"$or": [{"source": ["aws.s3"]}, {"$or": [{"region": ["us-west-2"]}, {"detail": {"state": ["running"]}}]}]}
            """);
        NoMatch("$or nested in a $or, nothing holds", Ec2, """
            {"$or": [{"source": ["aws.s3"]}, {"$or": [{"region": ["us-west-2"]}, {"detail": {"state": ["stopped"]}}]}]}
            """);
        Match("alternative with several fields, all hold", Ec2, """
            {"$or": [{"source": ["aws.ec2"], "region": ["us-east-1"]}, {"source": ["aws.s3"]}]}
            """);
        NoMatch("alternative with several fields, one fails", Ec2, """
            {"$or": [{"source": ["aws.ec2"], "region": ["us-west-2"]}, {"source": ["aws.s3"]}]}
            """);
        Match("$or alternative using exists false", Ec2, """
            {"$or": [{"detail": {"state": ["stopped"]}}, {"detail": {"state-reason": [{"exists": false}]}}]}
            """);
        Match("$or beside fields of the same object", Ec2, """
            {"detail": {"state": ["running"], "$or": [{"c-count": [1]}, {"d-count": [3]}]}}
            """);
        NoMatch("$or beside fields of the same object, sibling fails", Ec2, """
            {"detail": {"state": ["stopped"], "$or": [{"c-count": [5]}, {"d-count": [3]}]}}
            """);
        Match("two $or at different levels", Ec2, """
            {"$or": [{"source": ["aws.ec2"]}, {"source": ["aws.s3"]}], "detail": {"$or": [{"state": ["running"]}, {"state": ["stopped"]}]}}
            """);
    }

    // eb-event-patterns.html: nested fields are matched with the event's nesting; a field name holding dots is the
    // same key path as its parts nested (TestEventPattern joins key paths with '.').
    private void NestedFieldsAndDottedNames()
    {
        const string Deep = """{"bucket": {"name": "eco-media", "owner": {"id": "u-17"}}, "object": {"key": "a.png", "size": 1024}}""";
        Match("two levels", Detail(Deep), """{"detail": {"bucket": {"name": ["eco-media"]}}}""");
        Match("three levels", Detail(Deep), """{"detail": {"bucket": {"owner": {"id": ["u-17"]}}}}""");
        Match("fields at several levels", Detail(Deep), """{"source": ["com.example.docs"], "detail": {"bucket": {"name": ["eco-media"]}, "object": {"size": [1024]}}}""");
        NoMatch("a pattern object where the event has a value", Detail(Deep), """{"detail": {"object": {"key": {"ext": ["png"]}}}}""");
        NoMatch("a value where the event has an object", Detail(Deep), """{"detail": {"bucket": ["eco-media"]}}""");
        Match("dotted name in the pattern", Ec2, """{"detail.state": ["running"]}""");
        Match("dotted name several levels deep", Detail(Deep), """{"detail.bucket.owner.id": ["u-17"]}""");
        Match("dotted name inside a nested pattern", Detail(Deep), """{"detail": {"bucket.owner": {"id": ["u-17"]}}}""");
        Match("dotted name in the event", Detail("""{"a.b": "x"}"""), """{"detail": {"a": {"b": ["x"]}}}""");
        Match("dotted name in both", Detail("""{"a.b": "x"}"""), """{"detail": {"a.b": ["x"]}}""");
        NoMatch("dotted name, other value", Ec2, """{"detail.state": ["stopped"]}""");
    }

    // eb-event-patterns.html and eb-create-pattern-operators.html: values are JSON strings, numbers, booleans or
    // null, matched by type; numbers compare as numbers (so 300 and 3.0e2 are one value).
    private void ValueTypes()
    {
        Match("number equals its exponent form", Detail("""{"n": 3.0e2}"""), """{"detail": {"n": [300]}}""");
        Match("exponent form equals the integer", Detail("""{"n": 300}"""), """{"detail": {"n": [3.0e2]}}""");
        Match("trailing zeros", Detail("""{"n": 300.0}"""), """{"detail": {"n": [300]}}""");
        NoMatch("a number is not its string", Detail("""{"n": "300"}"""), """{"detail": {"n": [300]}}""");
        NoMatch("a string is not a number", Detail("""{"n": 300}"""), """{"detail": {"n": ["300"]}}""");
        Match("true", Detail("""{"b": true}"""), """{"detail": {"b": [true]}}""");
        NoMatch("true is not false", Detail("""{"b": true}"""), """{"detail": {"b": [false]}}""");
        Match("false", Detail("""{"b": false}"""), """{"detail": {"b": [false]}}""");
        NoMatch("a boolean is not its string", Detail("""{"b": true}"""), """{"detail": {"b": ["true"]}}""");
        NoMatch("a string is not a boolean", Detail("""{"b": "true"}"""), """{"detail": {"b": [true]}}""");
        NoMatch("null is not the string null", Detail("""{"b": null}"""), """{"detail": {"b": ["null"]}}""");
        NoMatch("true is not the number 1", Detail("""{"b": true}"""), """{"detail": {"b": [1]}}""");
        NoMatch("false is not the number 0", Detail("""{"b": false}"""), """{"detail": {"b": [0]}}""");
        NoMatch("null is not false", Detail("""{"b": null}"""), """{"detail": {"b": [false]}}""");
        Match("null in a detail that is null itself", AwsDocumentedEvents.WithFields("\"detail\": null"), """{"detail": [null]}""");
        Match("a field below a null detail does not exist", AwsDocumentedEvents.WithFields("\"detail\": null"), """{"detail": {"state": [{"exists": false}]}}""");
        Match("exact values and operators in one array are alternatives", Ec2, """{"detail": {"state": [{"prefix": "x"}, "running"]}}""");
        Match("operators in one array are alternatives", Ec2, """{"detail": {"state": [{"suffix": "x"}, {"prefix": "run"}]}}""");
        Match("an account number matches itself", Detail("""{"owner": 123456789012}"""), """{"detail": {"owner": [123456789012]}}""");
    }
}
