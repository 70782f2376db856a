namespace EcoBid.Events.Tests.Patterns;

/// <summary>Event arrays: scalar arrays, arrays of objects, nested arrays.</summary>
public sealed class ArrayCases : MatchCases
{
    public ArrayCases()
    {
        Match("scalar array, one element matches", "api", """{"detail": {"requestParameters": {"tags": ["eu"]}}}""");
        NoMatch("scalar array, no element matches", "api", """{"detail": {"requestParameters": {"tags": ["us"]}}}""");
        Match("prefix on any element", "api", """{"detail": {"requestParameters": {"instanceIds": [{"prefix": "i-"}]}}}""");
        Match("nested object in array, later element", "order", """{"detail": {"lines": {"sku": ["LOCK-07"]}}}""");
        Match("nested number in array of objects", "order", """{"detail": {"lines": {"qty": [2]}}}""");
        NoMatch("fields of one pattern object must hold in the same array element", "order", """{"detail": {"lines": {"sku": ["LOCK-07"], "qty": [1]}}}""");
        Match("fields holding in the same array element", "order", """{"detail": {"lines": {"sku": ["LOCK-07"], "qty": [2]}}}""");
        Match("numeric over an array of objects", "order", """{"detail": {"lines": {"price": [{"numeric": [">", 100]}]}}}""");
        Match("array inside an array element", "order", """{"detail": {"lines": {"tags": ["eco"]}}}""");
        NoMatch("exists false fails when any element has the field, even if another has none", "order", """{"detail": {"lines": {"tags": [{"exists": false}]}}}""");
        NoMatch("exists false when every element has the field", "order", """{"detail": {"lines": {"sku": [{"exists": false}]}}}""");
        Match("nested arrays are flattened", "order", """{"detail": {"matrix": [4]}}""");
        NoMatch("nested arrays, value absent", "order", """{"detail": {"matrix": [6]}}""");
        Match("numeric on nested arrays", "order", """{"detail": {"matrix": [{"numeric": [">", 4]}]}}""");
        Match("objects inside nested arrays", "order", """{"detail": {"groups": {"k": ["b"]}}}""");
        Match("documented array-of-objects example", """{"a": [{"b": 1}, {"b": 2}]}""", """{"a": {"b": [2]}}""");
        NoMatch("array of objects, no element matches", """{"a": [{"b": 1}, {"b": 2}]}""", """{"a": {"b": [3]}}""");
        Match("null inside an array", """{"a": [1, null]}""", """{"a": [null]}""");
        NoMatch("empty array has no values", """{"a": []}""", """{"a": [null]}""");
        Match("exists false on an empty array", """{"a": []}""", """{"a": [{"exists": false}]}""");
        NoMatch("exists true on an empty array", """{"a": []}""", """{"a": [{"exists": true}]}""");
        Match("exists true on an array of scalars", """{"a": ["x"]}""", """{"a": [{"exists": true}]}""");
        NoMatch("exists true on an array of objects only", """{"a": [{"b": 1}]}""", """{"a": [{"exists": true}]}""");
        Match("array mixing objects and scalars, leaf pattern", """{"a": [{"b": 1}, "x"]}""", """{"a": ["x"]}""");
        Match("array mixing objects and scalars, object pattern", """{"a": ["x", {"b": 1}]}""", """{"a": {"b": [1]}}""");
        NoMatch("array of scalars under an object pattern", """{"a": ["x", "y"]}""", """{"a": {"b": ["x"]}}""");
        Match("array of scalars under an object pattern, exists false", """{"a": ["x"]}""", """{"a": {"b": [{"exists": false}]}}""");
        Match("top-level array of strings", """{"resources": ["r1", "r2", "r3"]}""", """{"resources": ["r3"]}""");
        Match("deep nesting through arrays", """{"a": [{"b": [{"c": [{"d": "x"}]}]}]}""", """{"a": {"b": {"c": {"d": ["x"]}}}}""");
        Match("$or evaluated per array element", """{"a": [{"b": 1}, {"c": 2}]}""", """{"a": {"$or": [{"b": [9]}, {"c": [2]}]}}""");
        NoMatch("$or alternative and sibling field must hold in the same array element", """{"a": [{"x": 1}, {"y": 2}]}""", """{"a": {"x": [1]}, "$or": [{"a": {"y": [2]}}, {"z": [3]}]}""");
        Match("$or alternative and sibling field holding in one array element", """{"a": [{"x": 1}, {"x": 1, "y": 2}]}""", """{"a": {"x": [1]}, "$or": [{"a": {"y": [2]}}, {"z": [3]}]}""");
        NoMatch("fields at different depths under one array must share the element", """{"a": [{"b": 1}, {"c": {"d": 2}}]}""", """{"a": {"b": [1], "c": {"d": [2]}}}""");
        Match("fields at different depths under one array element", """{"a": [{"b": 1}, {"b": 1, "c": {"d": 2}}]}""", """{"a": {"b": [1], "c": {"d": [2]}}}""");
        Match("fields under different arrays are independent", """{"a": [{"b": 1}, {"b": 2}], "c": [{"d": 3}, {"d": 4}]}""", """{"a": {"b": [2]}, "c": {"d": [3]}}""");
        Match("exists false is judged in the element an earlier field chose", """{"a": [{"z": 1, "c": 2}, {"c": 1}]}""", """{"a": {"c": [1], "z": [{"exists": false}]}}""");
        NoMatch("exists false checked before the other fields sees every element", """{"a": [{"b": 1, "c": 2}, {"c": 1}]}""", """{"a": {"b": [{"exists": false}], "c": [1]}}""");
        Match("duplicate keys in an event object are all seen", """{"a": 1, "a": 2}""", """{"a": [1]}""");
    }
}
