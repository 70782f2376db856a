using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcoBid.Workflows.Json;

/// <summary>A JSONPath filter predicate (Jayway's inline filter language).</summary>
internal abstract class FilterExpression
{
    public abstract bool Test(JsonNode? current, JsonNode? root);
}

internal sealed class AndFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => left.Test(current, root) && right.Test(current, root);
}

internal sealed class OrFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => left.Test(current, root) || right.Test(current, root);
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => !inner.Test(current, root);
}

/// <summary>A lone path: true when it selects something.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => operand.TryResolve(current, root, out _);
}

internal sealed class ComparisonFilter(FilterOperand left, string op, FilterOperand right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root)
    {
        if (!left.TryResolve(current, root, out var a)) return op == "!=" && right.TryResolve(current, root, out _);
        if (!right.TryResolve(current, root, out var b)) return op == "!=";
        return op switch
        {
            "==" => ValuesEqual(a, b),
            "!=" => !ValuesEqual(a, b),
            "<" => Compare(a, b) is { } c1 && c1 < 0,
            "<=" => Compare(a, b) is { } c2 && c2 <= 0,
            ">" => Compare(a, b) is { } c3 && c3 > 0,
            ">=" => Compare(a, b) is { } c4 && c4 >= 0,
            "=~" => right is RegexOperand regex && JsonNodes.AsString(a) is { } s && regex.Regex.IsMatch(s),
            "in" => b is JsonArray inList && inList.Any(x => ValuesEqual(a, x)),
            "nin" => b is JsonArray ninList && !ninList.Any(x => ValuesEqual(a, x)),
            "contains" => a is JsonArray cl ? cl.Any(x => ValuesEqual(x, b)) : JsonNodes.AsString(a) is { } cs && JsonNodes.AsString(b) is { } sub && cs.Contains(sub, StringComparison.Ordinal),
            "subsetof" => a is JsonArray sa && b is JsonArray sb && sa.All(x => sb.Any(y => ValuesEqual(x, y))),
            "anyof" => a is JsonArray aa && b is JsonArray ab && aa.Any(x => ab.Any(y => ValuesEqual(x, y))),
            "noneof" => a is JsonArray na && b is JsonArray nb && !na.Any(x => nb.Any(y => ValuesEqual(x, y))),
            "size" => JsonNodes.TryGetInteger(b, out var size) && Length(a) == size,
            "empty" => JsonNodes.TryGetBoolean(b, out var wantEmpty) && Length(a) is { } len && (len == 0) == wantEmpty,
            _ => false,
        };
    }

    private static long? Length(JsonNode? node) => node switch
    {
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        _ when JsonNodes.AsString(node) is { } s => s.Length,
        _ => null,
    };

    private static bool ValuesEqual(JsonNode? a, JsonNode? b)
    {
        if (JsonNodes.IsNumber(a) && JsonNodes.AsString(b) is { } sb && double.TryParse(sb, out var nb))
        {
            JsonNodes.TryGetNumber(a, out var na);
            return na.Equals(nb);
        }
        if (JsonNodes.IsNumber(b) && JsonNodes.AsString(a) is { } sa && double.TryParse(sa, out var na2))
        {
            JsonNodes.TryGetNumber(b, out var nb2);
            return na2.Equals(nb2);
        }
        return JsonNodes.DeepEquals(a, b);
    }

    private static int? Compare(JsonNode? a, JsonNode? b)
    {
        if (JsonNodes.TryGetNumber(a, out var x) && JsonNodes.TryGetNumber(b, out var y)) return x.CompareTo(y);
        if (JsonNodes.AsString(a) is { } s && JsonNodes.AsString(b) is { } t) return string.CompareOrdinal(s, t);
        return null;
    }
}

/// <summary>One side of a filter comparison.</summary>
internal abstract class FilterOperand
{
    public abstract bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? value);
}

internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? resolved)
    {
        resolved = value;
        return true;
    }
}

internal sealed class RegexOperand(Regex regex) : FilterOperand
{
    public Regex Regex { get; } = regex;

    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? resolved)
    {
        resolved = JsonValue.Create(Regex.ToString());
        return true;
    }
}

internal sealed class PathOperand(JsonPath path) : FilterOperand
{
    public override bool TryResolve(JsonNode? current, JsonNode? root, out JsonNode? resolved)
    {
        var start = path.Root == PathRoot.Current ? current : root;
        if (path.TryEvaluate(start, root, out resolved))
        {
            return path.IsDefinite || (resolved is JsonArray { Count: > 0 });
        }
        return false;
    }
}

/// <summary>Parses the text inside <c>[?( … )]</c>.</summary>
internal sealed class FilterParser(string text)
{
    private int _pos;

    public static FilterExpression Parse(string text)
    {
        var parser = new FilterParser(text);
        var expression = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos != text.Length) throw new JsonPathException($"Unexpected character at position {parser._pos} in filter '{text}'");
        return expression;
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||")) left = new OrFilter(left, ParseAnd());
        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&")) left = new AndFilter(left, ParseUnary());
        return left;
    }

    private FilterExpression ParseUnary()
    {
        SkipSpace();
        if (Peek() == '!' && PeekAt(1) != '=')
        {
            _pos++;
            return new NotFilter(ParseUnary());
        }
        if (Peek() == '(')
        {
            _pos++;
            var inner = ParseOr();
            if (!TryConsume(")")) throw new JsonPathException($"Missing ')' in filter '{text}'");
            return inner;
        }
        var left = ParseOperand();
        SkipSpace();
        var op = ReadOperator();
        if (op is null)
        {
            if (left is not PathOperand) throw new JsonPathException($"Expected a comparison in filter '{text}'");
            return new ExistsFilter(left);
        }
        var right = ParseOperand();
        return new ComparisonFilter(left, op, right);
    }

    private string? ReadOperator()
    {
        foreach (var op in new[] { "==", "!=", "<=", ">=", "=~", "<", ">" })
        {
            if (TryConsume(op)) return op;
        }
        foreach (var word in new[] { "nin", "in", "subsetof", "anyof", "noneof", "size", "empty", "contains" })
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0 && _pos + word.Length < text.Length && text[_pos + word.Length] == ' ')
            {
                _pos += word.Length;
                return word;
            }
        }
        return null;
    }

    private FilterOperand ParseOperand()
    {
        SkipSpace();
        var c = Peek();
        if (c is '@' or '$') return new PathOperand(JsonPath.Parse(ReadPathText()));
        if (c is '\'' or '"') return new LiteralOperand(JsonValue.Create(ReadQuoted(c)));
        if (c == '/')
        {
            var end = text.IndexOf('/', _pos + 1);
            if (end < 0) throw new JsonPathException($"Unterminated regular expression in filter '{text}'");
            var pattern = text[(_pos + 1)..end];
            _pos = end + 1;
            var options = RegexOptions.None;
            while (char.IsLetter(Peek()))
            {
                if (Peek() == 'i') options |= RegexOptions.IgnoreCase;
                _pos++;
            }
            return new RegexOperand(new Regex(pattern, options, TimeSpan.FromSeconds(1)));
        }
        if (c is '[' or '{')
        {
            var start = _pos;
            var depth = 0;
            do
            {
                var ch = text[_pos];
                if (ch is '[' or '{') depth++;
                else if (ch is ']' or '}') depth--;
                else if (ch is '\'' or '"') { ReadQuoted(ch); continue; }
                _pos++;
            }
            while (depth > 0 && _pos < text.Length);
            var literal = text[start.._pos].Replace('\'', '"');
            return new LiteralOperand(JsonNode.Parse(literal));
        }
        var begin = _pos;
        while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '-' or '+' or '.')) _pos++;
        var word = text[begin.._pos];
        return word switch
        {
            "true" => new LiteralOperand(JsonValue.Create(true)),
            "false" => new LiteralOperand(JsonValue.Create(false)),
            "null" => new LiteralOperand(null),
            _ when double.TryParse(word, out _) => new LiteralOperand(JsonNode.Parse(word)),
            _ => throw new JsonPathException($"Unexpected token '{word}' in filter '{text}'"),
        };
    }

    private string ReadPathText()
    {
        var start = _pos;
        var depth = 0;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c is '\'' or '"') { ReadQuoted(c); continue; }
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (depth == 0 && (c is ' ' or '=' or '!' or '<' or '>' or '&' or '|' or ')')) break;
            _pos++;
        }
        return text[start.._pos];
    }

    private string ReadQuoted(char quote)
    {
        _pos++;
        var sb = new System.Text.StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length) _pos++;
            sb.Append(text[_pos++]);
        }
        if (_pos >= text.Length) throw new JsonPathException($"Unterminated string in filter '{text}'");
        _pos++;
        return sb.ToString();
    }

    private bool TryConsume(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && text[_pos] == ' ') _pos++;
    }

    private char Peek() => _pos < text.Length ? text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';
}
