namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// Patterns that CreateRule/PutRule and TestEventPattern refuse with InvalidEventPatternException, as rows of
/// (pattern, reason): the message is "Event pattern is not valid. Reason: " followed by the reason text AWS
/// gives (the text of event-ruler, the engine EventBridge runs).
/// </summary>
public sealed class AwsDocumentedInvalidPatterns : TheoryData<string, string>
{
    public AwsDocumentedInvalidPatterns()
    {
        Structure();
        StringOperators();
        Wildcards();
        Numerics();
        Cidrs();
        AnythingBut();
        AnyOf();
    }

    // eb-event-patterns.html, "Event patterns": a pattern is a JSON object whose fields hold an object (nesting)
    // or an array of values to match.
    private void Structure()
    {
        Add("""[{"source": ["aws.ec2"]}]""", "Filter is not an object");
        Add("\"aws.ec2\"", "Filter is not an object");
        Add("""{"source": "aws.ec2"}""", "\"source\" must be an object or an array");
        Add("""{"detail": {"c-count": 5}}""", "\"c-count\" must be an object or an array");
        Add("""{"detail": {"state": null}}""", "\"state\" must be an object or an array");
        Add("""{"source": []}""", "Empty arrays are not allowed");
        Add("""{"source": [["aws.ec2"]]}""", "Match value must be String, number, true, false, or null");
        Add("""{"detail": {"state": [{"prefix": "a", "suffix": "b"}]}}""", "Only one key allowed in match expression");
        Add("""{"detail": {"state": [{"begins-with": "run"}]}}""", "Unrecognized match type begins-with");
        Add("""{"detail": {"state": [{"EXISTS": true}]}}""", "Unrecognized match type EXISTS");
        Add("""{"detail": {"state": [{"exists": "true"}]}}""", "exists match pattern must be either true or false.");
        Add("""{"detail": {"state": [{"exists": 1}]}}""", "exists match pattern must be either true or false.");
    }

    // eb-create-pattern-operators.html, "Prefix matching", "Suffix matching", "Equals-ignore-case matching": the
    // operand is a string (prefix and suffix may instead hold {"equals-ignore-case": string}).
    private void StringOperators()
    {
        Add("""{"time": [{"prefix": 2017}]}""", "prefix match pattern must be a string");
        Add("""{"time": [{"prefix": ["2017", "2018"]}]}""", "prefix match pattern must be a string");
        Add("""{"f": [{"suffix": 5}]}""", "suffix match pattern must be a string");
        Add("""{"f": [{"suffix": [".png"]}]}""", "suffix match pattern must be a string");
        Add("""{"n": [{"equals-ignore-case": 5}]}""", "equals-ignore-case match pattern must be a string");
        Add("""{"n": [{"equals-ignore-case": ["alice", "bob"]}]}""", "equals-ignore-case match pattern must be a string");
        Add("""{"n": [{"prefix": {"equals-ignore-case": 5}}]}""", "equals-ignore-case match pattern must be a string");
    }

    // eb-create-pattern-operators.html, "Wildcard matching": a string; consecutive wildcards, escapes other than
    // \* and \\, and over-complex expressions are refused.
    private void Wildcards()
    {
        Add("""{"f": [{"wildcard": 5}]}""", "wildcard match pattern must be a string");
        Add("""{"f": [{"wildcard": ["*.png"]}]}""", "wildcard match pattern must be a string");
        Add("""{"f": [{"wildcard": "dir/**.png"}]}""", "Consecutive wildcard characters at pos 5");
        Add("""{"f": [{"wildcard": "**"}]}""", "Consecutive wildcard characters at pos 1");
        Add("""{"f": [{"wildcard": "dir\\d*"}]}""", "Invalid escape character at pos 3");
        Add("""{"EventBusArn": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}""", "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character");
    }

    // eb-create-pattern-operators.html, "Numeric matching": an array of an operator and a number, or a lower
    // bound then an upper bound; numbers from -5.0e9 to 5.0e9.
    private void Numerics()
    {
        Add("""{"n": [{"numeric": ">"}]}""", "Value of numeric must be an array.");
        Add("""{"n": [{"numeric": [">", "5"]}]}""", "Value of > must be numeric");
        Add("""{"n": [{"numeric": ["<=", null]}]}""", "Value of <= must be numeric");
        Add("""{"n": [{"numeric": ["!=", 5]}]}""", "Unrecognized numeric range operator: !=");
        Add("""{"n": [{"numeric": [">", 10, "<=", 5]}]}""", "Bottom must be less than top");
        Add("""{"n": [{"numeric": [">", 0, ">", 5]}]}""", "Bad numeric range operator: >");
        Add("""{"n": [{"numeric": ["<", 5, ">", 0]}]}""", "Too many elements in numeric expression");
        Add("""{"n": [{"numeric": ["=", 5, "<", 6]}]}""", "Too many elements in numeric expression");
        Add("""{"n": [{"numeric": [">", 0, "<", 5, "<", 6]}]}""", "Too many terms in numeric range expression");
        Add("""{"n": [{"numeric": [">", 5000000000.5]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive");
        Add("""{"n": [{"numeric": [">", -6e9, "<", 0]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive");
    }

    // eb-create-pattern-operators.html, "IP address matching": an IPv4 or IPv6 block in CIDR notation.
    private void Cidrs()
    {
        Add("""{"ip": [{"cidr": "10.0.0.0"}]}""", "Malformed CIDR, one '/' required");
        Add("""{"ip": [{"cidr": "10.0.0.0/33"}]}""", "Malformed CIDR, mask bits must be an integer");
        Add("""{"ip": [{"cidr": "2001:db8::/129"}]}""", "Malformed CIDR, mask bits must be an integer");
        Add("""{"ip": [{"cidr": "10.0.0.0/x"}]}""", "Malformed CIDR, mask bits must be an integer");
        Add("""{"ip": [{"cidr": "10.0.0.256/24"}]}""", "Nonstandard IP address: 10.0.0.256");
        Add("""{"ip": [{"cidr": "2001:db8::g/64"}]}""", "Nonstandard IP address: 2001:db8::g");
        Add("""{"ip": [{"cidr": "example.com/24"}]}""", "Nonstandard IP address: example.com");
        // event-ruler reads a non-string cidr operand with the prefix operator's check, and says so.
        Add("""{"ip": [{"cidr": 10}]}""", "prefix match pattern must be a string");
    }

    // eb-create-pattern-operators.html, "Anything-but matching": a string, a number, a list of strings or of
    // numbers, or one of prefix, suffix, equals-ignore-case and wildcard.
    private void AnythingBut()
    {
        Add("""{"s": [{"anything-but": true}]}""", "Value of anything-but must be an array or single string/number value.");
        Add("""{"s": [{"anything-but": null}]}""", "Value of anything-but must be an array or single string/number value.");
        Add("""{"s": [{"anything-but": ["a", null]}]}""", "Inside anything but list, start|null|boolean is not supported.");
        Add("""{"s": [{"anything-but": [{"prefix": "a"}]}]}""", "Inside anything but list, start|null|boolean is not supported.");
        Add("""{"s": [{"anything-but": ["a", 1]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported");
        Add("""{"s": [{"anything-but": {"numeric": [">", 1]}}]}""", "Unsupported anything-but pattern: numeric");
        Add("""{"s": [{"anything-but": {"exists": true}}]}""", "Unsupported anything-but pattern: exists");
        Add("""{"s": [{"anything-but": {"prefix": 5}}]}""", "prefix/suffix match pattern must be a string");
        Add("""{"s": [{"anything-but": {"suffix": [".txt", 5]}}]}""", "prefix/suffix match pattern must be a string");
        Add("""{"s": [{"anything-but": {"prefix": ""}}]}""", "Null prefix/suffix not allowed");
        Add("""{"s": [{"anything-but": {"prefix": {"equals-ignore-case": "a"}}}]}""", "Value of anything-but must be an array or single string/number value.");
        Add("""{"s": [{"anything-but": {"equals-ignore-case": 5}}]}""", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.");
        Add("""{"s": [{"anything-but": {"equals-ignore-case": ["a", true]}}]}""", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.");
        Add("""{"s": [{"anything-but": {"wildcard": 5}}]}""", "wildcard match pattern must be a string");
        Add("""{"s": [{"anything-but": {"wildcard": "a**"}}]}""", "Consecutive wildcard characters at pos 2");
    }

    // eb-create-pattern-operators.html, "Multiple matching": $or holds an array of two or more pattern objects.
    private void AnyOf()
    {
        Add("""{"$or": {"source": ["aws.ec2"]}}""", "It must be an Array followed with $or.");
        Add("""{"$or": [{"source": ["aws.ec2"]}]}""", "There must have at least 2 Json objects in array of $or relationship.");
        Add("""{"$or": [{"source": ["aws.ec2"]}, ["aws.s3"]]}""", "Only JSON object is allowed in array of $or relationship.");
        Add("""{"detail": {"$or": [{"c-count": [{"numeric": [">", 0]}]}, {"d-count": [{"numeric": ["<"]}]}]}}""", "Value of < must be numeric");
    }
}
