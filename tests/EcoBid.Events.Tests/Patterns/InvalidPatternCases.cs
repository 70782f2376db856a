namespace EcoBid.Events.Tests.Patterns;

/// <summary>Rows of (pattern text, fault the message must name, path the message must end with, or "" for the root).</summary>
public sealed class InvalidPatternCases : TheoryData<string, string, string>
{
    public InvalidPatternCases()
    {
        Structure();
        MatchExpressions();
        Wildcards();
        Numerics();
        Cidrs();
        AnythingBut();
        AnyOf();
    }

    private void Structure()
    {
        Add("", "Malformed JSON", "");
        Add("""{"source": ["aws.ec2"]""", "Malformed JSON", "");
        Add("""{"source": ['aws.ec2']}""", "(line 1, column 13)", "");
        Add("{\n  \"source\": [\"a\",]\n}", "(line 2, column", "");
        Add("""[{"source": ["aws.ec2"]}]""", "Filter is not an object (it is an array)", "");
        Add("\"source\"", "Filter is not an object (it is a string)", "");
        Add("null", "Filter is not an object (it is null)", "");
        Add("{}", "Empty objects are not allowed", "");
        Add("""{"detail": {}}""", "Empty objects are not allowed", "detail");
        Add("""{"source": []}""", "Empty arrays are not allowed", "source");
        Add("""{"detail": {"state": []}}""", "Empty arrays are not allowed", "detail.state");
        Add("""{"source": "aws.ec2"}""", "\"source\" must be an object or an array, not a string", "source");
        Add("""{"detail": {"c-count": 5}}""", "\"c-count\" must be an object or an array, not a number", "detail.c-count");
        Add("""{"source": null}""", "must be an object or an array, not null", "source");
        Add("""{"source": true}""", "must be an object or an array, not a boolean", "source");
        Add("""{"source": [["aws.ec2"]]}""", "Match value must be String, number, true, false, or null", "source[0]");
        Add("""{"source": ["aws.ec2"], "source": ["aws.s3"]}""", "Duplicate field name \"source\"", "source");
        Add("{\"source\": [\"" + new string('a', 4096) + "\"]}", "pattern exceeds maximum length of 4096", "");
        Add(
            "{" + string.Join(", ", Enumerable.Range(0, 10).Select(i => $"\"f{i}\": {{\"$or\": [{{\"x\": [1]}}, {{\"y\": [2]}}]}}")) + "}",
            "Event pattern is too complex: its $or alternatives combine into 1024 rules, more than 1000",
            "");
    }

    private void MatchExpressions()
    {
        Add("""{"source": [{"foo": "x"}]}""", "Unrecognized match type foo", "source[0].foo");
        Add("""{"source": [{"Prefix": "x"}]}""", "Unrecognized match type Prefix", "source[0].Prefix");
        Add("""{"source": [{}]}""", "Empty objects are not allowed", "source[0]");
        Add("""{"source": [{"prefix": "a", "suffix": "b"}]}""", "Only one key allowed in match expression", "source[0]");
        Add("""{"source": [{"prefix": 5}]}""", "prefix match pattern must be a string, not a number", "source[0].prefix");
        Add("""{"source": [{"prefix": ["a"]}]}""", "prefix match pattern must be a string, not an array", "source[0].prefix");
        Add("""{"source": [{"prefix": {"foo": "a"}}]}""", "prefix match pattern must be a string, not an object", "source[0].prefix");
        Add("""{"source": [{"prefix": {"equals-ignore-case": 1}}]}""", "equals-ignore-case match pattern must be a string, not a number", "source[0].prefix.equals-ignore-case");
        Add("""{"source": [{"suffix": null}]}""", "suffix match pattern must be a string, not null", "source[0].suffix");
        Add("""{"source": [{"suffix": {"equals-ignore-case": "a", "prefix": "b"}}]}""", "Only one key allowed in match expression", "source[0].suffix");
        Add("""{"source": [{"equals-ignore-case": ["a"]}]}""", "equals-ignore-case match pattern must be a string, not an array", "source[0].equals-ignore-case");
        Add("""{"detail": {"state": [{"exists": "true"}]}}""", "exists match pattern must be either true or false. (It is a string.)", "detail.state[0].exists");
        Add("""{"detail": {"state": [{"exists": null}]}}""", "exists match pattern must be either true or false", "detail.state[0].exists");
    }

    private void Wildcards()
    {
        Add("""{"s": [{"wildcard": 5}]}""", "wildcard match pattern must be a string, not a number", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "a**b"}]}""", "Consecutive wildcard characters at pos 2", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "a\\b"}]}""", "Invalid escape character at pos 1", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "abc\\"}]}""", "Invalid escape character at pos 3", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "**"}]}""", "Consecutive wildcard characters at pos 1", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "a\\n*"}]}""", "Invalid escape character at pos 1", "s[0].wildcard");
        Add("""{"s": [{"wildcard": ["a*"]}]}""", "wildcard match pattern must be a string, not an array", "s[0].wildcard");
        Add("""{"s": [{"wildcard": null}]}""", "wildcard match pattern must be a string, not null", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}""", "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character", "s[0].wildcard");
        Add("""{"s": [{"wildcard": "*a*b*c*d*e*"}]}""", "Rule is too complex", "s[0].wildcard");
        Add("""{"s": [{"anything-but": {"wildcard": ["a", "*a*b*c*d*e*"]}}]}""", "Rule is too complex", "s[0].anything-but.wildcard[1]");
    }

    private void Numerics()
    {
        Add("""{"n": [{"numeric": ">"}]}""", "Value of numeric must be an array.", "n[0].numeric");
        Add("""{"n": [{"numeric": []}]}""", "Invalid member in numeric match: ]", "n[0].numeric");
        Add("""{"n": [{"numeric": [">"]}]}""", "Value of > must be numeric", "n[0].numeric[1]");
        Add("""{"n": [{"numeric": [">", "5"]}]}""", "Value of > must be numeric", "n[0].numeric[1]");
        Add("""{"n": [{"numeric": ["=", "5"]}]}""", "Value of equals must be numeric", "n[0].numeric[1]");
        Add("""{"n": [{"numeric": ["!=", 5]}]}""", "Unrecognized numeric range operator: !=", "n[0].numeric[0]");
        Add("""{"n": [{"numeric": ["GT", 5]}]}""", "Unrecognized numeric range operator: GT", "n[0].numeric[0]");
        Add("""{"n": [{"numeric": [5, ">"]}]}""", "Invalid member in numeric match: 5", "n[0].numeric[0]");
        Add("""{"n": [{"numeric": [">", 5, ">", 6]}]}""", "Bad numeric range operator: >", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": [">", 5, "=", 6]}]}""", "Bad numeric range operator: =", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": [">", 5, 6]}]}""", "Bad value in numeric range: 6", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": [">", 5, "<"]}]}""", "Value of < must be numeric", "n[0].numeric[3]");
        Add("""{"n": [{"numeric": [">", 5, "<", "6"]}]}""", "Value of < must be numeric", "n[0].numeric[3]");
        Add("""{"n": [{"numeric": ["<", 5, "<=", 6]}]}""", "Too many elements in numeric expression", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": ["<", 6, ">=", 5]}]}""", "Too many elements in numeric expression", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": ["<=", 6, ">", 5]}]}""", "Too many elements in numeric expression", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": ["=", 5, "<", 6]}]}""", "Too many elements in numeric expression", "n[0].numeric[2]");
        Add("""{"n": [{"numeric": [">", 0, "<", 5, "=", 1]}]}""", "Too many terms in numeric range expression", "n[0].numeric[4]");
        Add("""{"n": [{"numeric": [">", 10, "<", 5]}]}""", "Bottom must be less than top", "n[0].numeric");
        Add("""{"n": [{"numeric": [">=", 5, "<=", 5]}]}""", "Bottom must be less than top", "n[0].numeric");
        Add("""{"n": [{"numeric": [">", 5000000001]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive", "n[0].numeric[1]");
        Add("""{"n": [{"numeric": [">", 0, "<", 5.0e10]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive", "n[0].numeric[3]");
        Add("""{"n": [{"numeric": ["=", -1e400]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive", "n[0].numeric[1]");
        Add("""{"n": [{"NUMERIC": [">", 0]}]}""", "Unrecognized match type NUMERIC", "n[0].NUMERIC");
    }

    private void Cidrs()
    {
        Add("""{"ip": [{"cidr": "10.0.0.0"}]}""", "Malformed CIDR, one '/' required", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "10.0.0/24"}]}""", "Nonstandard IP address: 10.0.0", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "10.0.0.0/33"}]}""", "mask bits must be an integer between 0 and 32", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "::1/129"}]}""", "mask bits must be an integer between 0 and 128", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "10.0.0.0/x"}]}""", "mask bits must be an integer", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "10.0.0.0/24/8"}]}""", "Malformed CIDR, one '/' required", "ip[0].cidr");
        Add("""{"ip": [{"cidr": "fe80::1%eth0/64"}]}""", "Nonstandard IP address", "ip[0].cidr");
        Add("""{"ip": [{"cidr": 10}]}""", "prefix match pattern must be a string, not a number", "ip[0].cidr");
    }

    private void AnythingBut()
    {
        Add("""{"s": [{"anything-but": true}]}""", "Value of anything-but must be an array or single string/number value.", "s[0].anything-but");
        Add("""{"s": [{"anything-but": null}]}""", "Value of anything-but must be an array or single string/number value.", "s[0].anything-but");
        Add("""{"s": [{"anything-but": []}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported", "s[0].anything-but");
        Add("""{"s": [{"anything-but": ["a", 1]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported", "s[0].anything-but[1]");
        Add("""{"s": [{"anything-but": [null]}]}""", "Inside anything but list, start|null|boolean is not supported.", "s[0].anything-but[0]");
        Add("""{"s": [{"anything-but": ["a", true]}]}""", "Inside anything but list, start|null|boolean is not supported.", "s[0].anything-but[1]");
        Add("""{"s": [{"anything-but": [{"prefix": "a"}]}]}""", "Inside anything but list, start|null|boolean is not supported.", "s[0].anything-but[0]");
        Add("""{"s": [{"anything-but": [["a"]]}]}""", "Inside anything but list, start|null|boolean is not supported.", "s[0].anything-but[0]");
        Add("""{"s": [{"anything-but": 5000000001}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive", "s[0].anything-but");
        Add("""{"s": [{"anything-but": [1, -6e9]}]}""", "Value must be between -5.0E9 and 5.0E9, inclusive", "s[0].anything-but[1]");
        Add("""{"s": [{"anything-but": {"numeric": [">", 1]}}]}""", "Unsupported anything-but pattern: numeric", "s[0].anything-but.numeric");
        Add("""{"s": [{"anything-but": {"exists": true}}]}""", "Unsupported anything-but pattern: exists", "s[0].anything-but.exists");
        Add("""{"s": [{"anything-but": {"cidr": "10.0.0.0/8"}}]}""", "Unsupported anything-but pattern: cidr", "s[0].anything-but.cidr");
        Add("""{"s": [{"anything-but": {"anything-but": "a"}}]}""", "Unsupported anything-but pattern: anything-but", "s[0].anything-but.anything-but");
        Add("""{"s": [{"anything-but": {"prefix": 5}}]}""", "prefix/suffix match pattern must be a string", "s[0].anything-but.prefix");
        Add("""{"s": [{"anything-but": {"prefix": null}}]}""", "prefix/suffix match pattern must be a string", "s[0].anything-but.prefix");
        Add("""{"s": [{"anything-but": {"prefix": [123, "test"]}}]}""", "prefix/suffix match pattern must be a string", "s[0].anything-but.prefix[0]");
        Add("""{"s": [{"anything-but": {"suffix": ["a", false]}}]}""", "prefix/suffix match pattern must be a string", "s[0].anything-but.suffix[1]");
        Add("""{"s": [{"anything-but": {"prefix": ""}}]}""", "Null prefix/suffix not allowed", "s[0].anything-but.prefix");
        Add("""{"s": [{"anything-but": {"suffix": ""}}]}""", "Null prefix/suffix not allowed", "s[0].anything-but.suffix");
        Add("""{"s": [{"anything-but": {"prefix": []}}]}""", "Null prefix/suffix not allowed", "s[0].anything-but.prefix");
        Add("""{"s": [{"anything-but": {"suffix": ["a", ""]}}]}""", "Null prefix/suffix not allowed", "s[0].anything-but.suffix[1]");
        Add("""{"s": [{"anything-but": {"prefix": {"equals-ignore-case": "a"}}}]}""", "Value of anything-but must be an array or single string/number value.", "s[0].anything-but.prefix");
        Add("""{"s": [{"anything-but": {"equals-ignore-case": 5}}]}""", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.", "s[0].anything-but.equals-ignore-case");
        Add("""{"s": [{"anything-but": {"equals-ignore-case": []}}]}""", "Empty arrays are not allowed", "s[0].anything-but.equals-ignore-case");
        Add("""{"s": [{"anything-but": {"equals-ignore-case": ["a", 1]}}]}""", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.", "s[0].anything-but.equals-ignore-case[1]");
        Add("""{"s": [{"anything-but": {"wildcard": 5}}]}""", "wildcard match pattern must be a string, not a number", "s[0].anything-but.wildcard");
        Add("""{"s": [{"anything-but": {"wildcard": []}}]}""", "Empty arrays are not allowed", "s[0].anything-but.wildcard");
        Add("""{"s": [{"anything-but": {"wildcard": [123, "*/dir/*"]}}]}""", "wildcard match pattern must be a string, not a number", "s[0].anything-but.wildcard[0]");
        Add("""{"s": [{"anything-but": {"wildcard": ["a*", "b**"]}}]}""", "Consecutive wildcard characters at pos 2", "s[0].anything-but.wildcard[1]");
        Add("""{"s": [{"anything-but": {}}]}""", "Empty objects are not allowed", "s[0].anything-but");
        Add("""{"s": [{"anything-but": {"prefix": "a", "suffix": "b"}}]}""", "Only one key allowed in match expression", "s[0].anything-but");
    }

    private void AnyOf()
    {
        Add("""{"$or": "x"}""", "It must be an Array followed with $or. (It is a string.)", "$or");
        Add("""{"$or": []}""", "There must have at least 2 Json objects in array of $or relationship. (It has 0.)", "$or");
        Add("""{"$or": [{"a": ["b"]}]}""", "There must have at least 2 Json objects in array of $or relationship. (It has 1.)", "$or");
        Add("""{"$or": [{"a": ["b"]}, "x"]}""", "Only JSON object is allowed in array of $or relationship. (It is a string.)", "$or[1]");
        Add("""{"$or": [{"a": ["b"]}, {}]}""", "Empty objects are not allowed", "$or[1]");
        Add("""{"$or": [{"a": ["b"]}, {"detail": {"x": [{"prefix": 1}]}}]}""", "prefix match pattern must be a string", "$or[1].detail.x[0].prefix");
        Add("""{"detail": {"$or": [{"a": ["b"]}, {"c": []}]}}""", "Empty arrays are not allowed", "detail.$or[1].c");
    }
}
