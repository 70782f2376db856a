namespace EcoBid.Events.Tests.Patterns;

/// <summary>Edge cases of the match operators: wildcard, cidr, anything-but, exists and $or.</summary>
public sealed class OperatorCases : MatchCases
{
    public OperatorCases()
    {
        Wildcards();
        Cidrs();
        AnythingBut();
        Exists();
        AnyOf();
    }

    private void Wildcards()
    {
        Match("escaped star is literal", """{"s": "a*b"}""", """{"s": [{"wildcard": "a\\*b"}]}""");
        NoMatch("escaped star does not match other text", """{"s": "axb"}""", """{"s": [{"wildcard": "a\\*b"}]}""");
        Match("escaped backslash is literal", """{"s": "a\\b"}""", """{"s": [{"wildcard": "a\\\\b"}]}""");
        Match("escaped backslash before a star", """{"s": "dir\\file"}""", """{"s": [{"wildcard": "dir\\\\*"}]}""");
        Match("escaped star then wildcard", """{"s": "*xyz"}""", """{"s": [{"wildcard": "\\**"}]}""");
        Match("lone star matches the empty string", """{"s": ""}""", """{"s": [{"wildcard": "*"}]}""");
        Match("empty wildcard matches the empty string", """{"s": ""}""", """{"s": [{"wildcard": ""}]}""");
        NoMatch("empty wildcard does not match text", """{"s": "x"}""", """{"s": [{"wildcard": ""}]}""");
        Match("trailing star matches nothing more", """{"s": "a"}""", """{"s": [{"wildcard": "a*"}]}""");
        Match("stars around repeated letters", """{"s": "aa"}""", """{"s": [{"wildcard": "*a*a*"}]}""");
        NoMatch("stars need two letters", """{"s": "a"}""", """{"s": [{"wildcard": "*a*a*"}]}""");
        NoMatch("head and tail must not overlap", """{"s": "ab"}""", """{"s": [{"wildcard": "ab*ab"}]}""");
        Match("head and tail adjacent", """{"s": "abab"}""", """{"s": [{"wildcard": "ab*ab"}]}""");
        Match("middle segment searched left to right", """{"s": "x-a-b-a-y"}""", """{"s": [{"wildcard": "x*a*a*y"}]}""");
        NoMatch("wildcard without stars is exact", """{"s": "abc"}""", """{"s": [{"wildcard": "ab"}]}""");
        Match("wildcard with unicode", """{"s": "Grün/Köln"}""", """{"s": [{"wildcard": "Gr*/*ln"}]}""");
        NoMatch("wildcard does not match numbers", """{"n": 12}""", """{"n": [{"wildcard": "1*"}]}""");
        Match("wildcard on orderId", "order", """{"detail": {"orderId": [{"wildcard": "ord-*"}]}}""");
        Match("five wildcards are allowed", """{"s": "xaybzcwdve"}""", """{"s": [{"wildcard": "*a*b*c*d*e"}]}""");
        Match("escaped stars are not wildcards and do not count", """{"s": "******a"}""", """{"s": [{"wildcard": "\\*\\*\\*\\*\\*\\*a*"}]}""");
    }

    private void Cidrs()
    {
        Match("cidr /32", """{"ip": "192.168.1.7"}""", """{"ip": [{"cidr": "192.168.1.7/32"}]}""");
        NoMatch("cidr /32 neighbour", """{"ip": "192.168.1.8"}""", """{"ip": [{"cidr": "192.168.1.7/32"}]}""");
        Match("cidr /0 matches all IPv4", """{"ip": "8.8.8.8"}""", """{"ip": [{"cidr": "0.0.0.0/0"}]}""");
        NoMatch("IPv4 block does not match IPv6", """{"ip": "::1"}""", """{"ip": [{"cidr": "0.0.0.0/0"}]}""");
        Match("IPv6 block", "order", """{"detail": {"seller": {"ip": [{"cidr": "2001:db8::/32"}]}}}""");
        NoMatch("IPv6 other block", "order", """{"detail": {"seller": {"ip": [{"cidr": "2001:db9::/32"}]}}}""");
        NoMatch("IPv6 address against IPv4 block", "order", """{"detail": {"seller": {"ip": [{"cidr": "10.0.0.0/8"}]}}}""");
        Match("IPv6 /127 lower", """{"ip": "2001:db8::fffe"}""", """{"ip": [{"cidr": "2001:db8::fffe/127"}]}""");
        Match("IPv6 /127 upper", """{"ip": "2001:db8::ffff"}""", """{"ip": [{"cidr": "2001:db8::fffe/127"}]}""");
        NoMatch("IPv6 /127 outside", """{"ip": "2001:db8::1:0"}""", """{"ip": [{"cidr": "2001:db8::fffe/127"}]}""");
        Match("IPv6 full form", """{"ip": "2001:0db8:0000:0000:0000:0000:0000:0001"}""", """{"ip": [{"cidr": "2001:db8::/64"}]}""");
        Match("IPv6 /0", """{"ip": "fe80::1"}""", """{"ip": [{"cidr": "::/0"}]}""");
        NoMatch("IPv6 with zone", """{"ip": "fe80::1%eth0"}""", """{"ip": [{"cidr": "::/0"}]}""");
        Match("block with host bits set", """{"ip": "10.1.2.3"}""", """{"ip": [{"cidr": "10.1.2.200/24"}]}""");
        Match("cidr /23 boundary", """{"ip": "10.0.1.255"}""", """{"ip": [{"cidr": "10.0.0.0/23"}]}""");
        NoMatch("cidr /23 outside", """{"ip": "10.0.2.0"}""", """{"ip": [{"cidr": "10.0.0.0/23"}]}""");
        NoMatch("octet out of range", """{"ip": "10.0.0.256"}""", """{"ip": [{"cidr": "10.0.0.0/8"}]}""");
        NoMatch("octet with leading zero", """{"ip": "010.0.0.1"}""", """{"ip": [{"cidr": "10.0.0.0/8"}]}""");
        NoMatch("short IPv4 form", """{"ip": "10.1"}""", """{"ip": [{"cidr": "10.0.0.0/8"}]}""");
        NoMatch("not an address", """{"ip": "localhost"}""", """{"ip": [{"cidr": "0.0.0.0/0"}]}""");
        NoMatch("cidr does not match numbers", """{"ip": 10}""", """{"ip": [{"cidr": "0.0.0.0/0"}]}""");
        Match("cidr over an array of addresses", """{"ip": ["x", "172.16.5.4"]}""", """{"ip": [{"cidr": "172.16.0.0/12"}]}""");
    }

    private void AnythingBut()
    {
        Match("anything-but on an array: one element not excluded", "api", """{"detail": {"requestParameters": {"tags": [{"anything-but": "prod"}]}}}""");
        NoMatch("anything-but on an array: every element excluded", "api", """{"detail": {"requestParameters": {"tags": [{"anything-but": ["prod", "eu"]}]}}}""");
        NoMatch("anything-but on an empty array", """{"a": []}""", """{"a": [{"anything-but": "x"}]}""");
        Match("anything-but number against a numeric string", """{"n": "123"}""", """{"n": [{"anything-but": 123}]}""");
        Match("anything-but string against a number", """{"n": 123}""", """{"n": [{"anything-but": "123"}]}""");
        NoMatch("anything-but number equal in another notation", """{"n": 1.23e2}""", """{"n": [{"anything-but": [123]}]}""");
        Match("anything-but matches null", "order", """{"detail": {"coupon": [{"anything-but": "x"}]}}""");
        Match("anything-but matches booleans", "order", """{"detail": {"buyer": {"verified": [{"anything-but": "true"}]}}}""");
        NoMatch("anything-but on an object", "order", """{"detail": {"buyer": [{"anything-but": "x"}]}}""");
        Match("anything-but prefix against a number", """{"n": 5}""", """{"n": [{"anything-but": {"prefix": "5"}}]}""");
        Match("anything-but prefix list", """{"s": "post-init"}""", """{"s": [{"anything-but": {"prefix": ["init", "pre"]}}]}""");
        NoMatch("anything-but prefix list, second prefix", """{"s": "pre-stop"}""", """{"s": [{"anything-but": {"prefix": ["init", "pre"]}}]}""");
        Match("anything-but prefix list against a number", """{"s": 5}""", """{"s": [{"anything-but": {"prefix": ["5", "6"]}}]}""");
        Match("anything-but prefix list on an array, one element kept", """{"s": ["init-1", "ok"]}""", """{"s": [{"anything-but": {"prefix": ["init", "pre"]}}]}""");
        NoMatch("anything-but prefix list on an array, every element excluded", """{"s": ["init-1", "pre-2"]}""", """{"s": [{"anything-but": {"prefix": ["init", "pre"]}}]}""");
        Match("anything-but suffix list", """{"f": "a.png"}""", """{"f": [{"anything-but": {"suffix": [".txt", ".doc"]}}]}""");
        NoMatch("anything-but suffix list, second suffix", """{"f": "a.doc"}""", """{"f": [{"anything-but": {"suffix": [".txt", ".doc"]}}]}""");
        NoMatch("anything-but suffix of the value", """{"f": "a.txt"}""", """{"f": [{"anything-but": {"suffix": ".txt"}}]}""");
        Match("anything-but suffix differs in case", """{"f": "a.TXT"}""", """{"f": [{"anything-but": {"suffix": ".txt"}}]}""");
        NoMatch("anything-but wildcard list", """{"p": "x/dir/y"}""", """{"p": [{"anything-but": {"wildcard": ["*/dir/*", "*.tmp"]}}]}""");
        Match("anything-but wildcard list, no expression covers the value", """{"p": "x/y"}""", """{"p": [{"anything-but": {"wildcard": ["*/dir/*", "*.tmp"]}}]}""");
        Match("anything-but wildcard against null", """{"p": null}""", """{"p": [{"anything-but": {"wildcard": "*"}}]}""");
        NoMatch("anything-but equals-ignore-case list", """{"s": "STOPPED"}""", """{"s": [{"anything-but": {"equals-ignore-case": ["running", "Stopped"]}}]}""");
        Match("anything-but equals-ignore-case list, other value", """{"s": "pending"}""", """{"s": [{"anything-but": {"equals-ignore-case": ["running", "Stopped"]}}]}""");
        Match("anything-but equals-ignore-case against a number", """{"s": 5}""", """{"s": [{"anything-but": {"equals-ignore-case": ["5"]}}]}""");
        NoMatch("anything-but number equal to six decimal places", """{"n": 5.0000001}""", """{"n": [{"anything-but": 5}]}""");
        Match("anything-but number against a number beyond the numeric range", """{"n": 9000000000}""", """{"n": [{"anything-but": [5, 6]}]}""");
        NoMatch("anything-but equals-ignore-case excludes other casings", """{"s": "Stopped"}""", """{"s": [{"anything-but": {"equals-ignore-case": "stopped"}}]}""");
        Match("anything-but exact is case sensitive", """{"s": "Stopped"}""", """{"s": [{"anything-but": "stopped"}]}""");
        Match("anything-but or another value", """{"s": "a"}""", """{"s": [{"anything-but": "a"}, "a"]}""");
        Match("anything-but together with exists", """{"s": "a"}""", """{"s": [{"anything-but": "a"}, {"exists": true}]}""");
    }

    private void Exists()
    {
        Match("exists true on null (a present leaf value)", "api", """{"detail": {"responseElements": [{"exists": true}]}}""");
        NoMatch("exists false on null", "api", """{"detail": {"responseElements": [{"exists": false}]}}""");
        Match("exists true on the empty string", "api", """{"detail": {"eventVersion": [{"exists": true}]}}""");
        NoMatch("exists true on a nested object", "api", """{"detail": {"userIdentity": [{"exists": true}]}}""");
        Match("exists false on a nested object", "api", """{"detail": {"userIdentity": [{"exists": false}]}}""");
        Match("exists false below a missing parent", """{"x": 1}""", """{"a": {"b": [{"exists": false}]}}""");
        Match("exists false below a scalar parent", """{"a": 5}""", """{"a": {"b": [{"exists": false}]}}""");
        NoMatch("exists false with a null child", """{"a": {"b": null}}""", """{"a": {"b": [{"exists": false}]}}""");
        NoMatch("exists false when one array element has the field", """{"a": [{"b": 1}, {"c": 1}]}""", """{"a": {"b": [{"exists": false}]}}""");
        Match("exists false when no array element has the field", """{"a": [{"c": 1}, {"c": 2}]}""", """{"a": {"b": [{"exists": false}]}}""");
        NoMatch("exists true below a missing parent", """{"x": 1}""", """{"a": {"b": [{"exists": true}]}}""");
        Match("exists true and false together", """{"x": 1}""", """{"a": [{"exists": true}, {"exists": false}]}""");
        Match("exists false alongside other fields", "ec2", """{"source": ["aws.ec2"], "detail": {"state": ["running"], "e-count": [{"exists": false}]}}""");
        NoMatch("exists true does not match a value in another field", "ec2", """{"detail": {"state-reason": [{"exists": true}]}}""");
    }

    private void AnyOf()
    {
        Match("$or, first alternative", """{"a": 1, "b": 2}""", """{"$or": [{"a": [1]}, {"b": [3]}]}""");
        Match("$or, last alternative", """{"a": 1, "b": 2}""", """{"$or": [{"a": [9]}, {"b": [3]}, {"b": [2]}]}""");
        NoMatch("$or, none", """{"a": 1, "b": 2}""", """{"$or": [{"a": [9]}, {"b": [3]}]}""");
        Match("$or alternative with several fields", """{"a": 1, "b": 2}""", """{"$or": [{"a": [1], "b": [2]}, {"c": [3]}]}""");
        NoMatch("$or alternative fields are ANDed", """{"a": 1, "b": 2}""", """{"$or": [{"a": [1], "b": [3]}, {"c": [3]}]}""");
        Match("$or where an alternative only needs absence", """{"a": 1}""", """{"x": {"$or": [{"y": [1]}, {"z": [{"exists": false}]}]}}""");
        NoMatch("$or under a missing parent without absence alternative", """{"a": 1}""", """{"x": {"$or": [{"y": [1]}, {"z": [2]}]}}""");
        Match("$or with a sibling nested object", "order", """
            {"detail": {"currency": ["EUR"], "$or": [{"buyer": {"country": ["FR"]}}, {"total": [{"numeric": [">", 100]}]}]}}
            """);
        NoMatch("$or with a failing sibling nested object", "order", """
            {"detail": {"currency": ["USD"], "$or": [{"buyer": {"country": ["DE"]}}, {"total": [{"numeric": [">", 100]}]}]}}
            """);
        Match("$or in both detail and the top level", "order", """
            {"$or": [{"source": ["x"]}, {"detail-type": ["OrderPlaced"]}], "detail": {"$or": [{"currency": ["EUR"]}, {"currency": ["USD"]}]}}
            """);
    }
}
