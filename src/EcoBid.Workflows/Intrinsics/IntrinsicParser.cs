using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary>Parses intrinsic function calls: <c>States.Name(arg, …)</c> with string literals in single quotes (escapes <c>\'</c>, <c>\{</c>, <c>\}</c>, <c>\\</c>), numbers, booleans, null, paths and nested calls.</summary>
internal sealed class IntrinsicParser
{
    private static readonly Dictionary<string, Func<IntrinsicFunction>> Functions = new(StringComparer.Ordinal)
    {
        ["States.Format"] = () => new FormatFunction(),
        ["States.StringToJson"] = () => new StringToJsonFunction(),
        ["States.JsonToString"] = () => new JsonToStringFunction(),
        ["States.Array"] = () => new ArrayFunction(),
        ["States.ArrayPartition"] = () => new ArrayPartitionFunction(),
        ["States.ArrayContains"] = () => new ArrayContainsFunction(),
        ["States.ArrayRange"] = () => new ArrayRangeFunction(),
        ["States.ArrayGetItem"] = () => new ArrayGetItemFunction(),
        ["States.ArrayLength"] = () => new ArrayLengthFunction(),
        ["States.ArrayUnique"] = () => new ArrayUniqueFunction(),
        ["States.Base64Encode"] = () => new Base64EncodeFunction(),
        ["States.Base64Decode"] = () => new Base64DecodeFunction(),
        ["States.Hash"] = () => new HashFunction(),
        ["States.JsonMerge"] = () => new JsonMergeFunction(),
        ["States.MathRandom"] = () => new MathRandomFunction(),
        ["States.MathAdd"] = () => new MathAddFunction(),
        ["States.StringSplit"] = () => new StringSplitFunction(),
        ["States.UUID"] = () => new UuidFunction(),
    };

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    /// <summary>Whether a <c>.$</c> value is meant as an intrinsic call rather than a path.</summary>
    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Parses a whole call; throws <see cref="IntrinsicSyntaxException"/> with a reason.</summary>
    public static IntrinsicFunction Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        var function = parser.ParseCall();
        parser.SkipSpace();
        if (parser._pos != text.Length) throw new IntrinsicSyntaxException($"Unexpected text after the closing parenthesis at position {parser._pos}");
        return function;
    }

    private IntrinsicFunction ParseCall()
    {
        SkipSpace();
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
        var name = _text[start.._pos];
        if (!Functions.TryGetValue(name, out var create)) throw new IntrinsicSyntaxException($"Unknown intrinsic function '{name}'");
        SkipSpace();
        if (Peek() != '(') throw new IntrinsicSyntaxException($"Expected '(' after {name}");
        _pos++;
        var args = new List<IntrinsicArgument>();
        SkipSpace();
        if (Peek() == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                args.Add(ParseArgument());
                SkipSpace();
                if (Peek() == ',') { _pos++; continue; }
                if (Peek() == ')') { _pos++; break; }
                throw new IntrinsicSyntaxException($"Expected ',' or ')' at position {_pos} in {name}");
            }
        }
        var function = create();
        var (min, max) = function.Arity;
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new IntrinsicSyntaxException($"{name} takes {expected} argument(s), but {args.Count} were given");
        }
        function.Bind(args);
        if (function.CheckArguments() is { } problem) throw new IntrinsicSyntaxException(problem);
        return function;
    }

    private IntrinsicArgument ParseArgument()
    {
        SkipSpace();
        var c = Peek();
        if (c == '\'') return ParseString();
        if (c == '$') return new PathArgument(ParsePath());
        if (c == '-' || char.IsDigit(c)) return ParseNumber();
        if (char.IsLetter(c))
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            var word = _text[start.._pos];
            switch (word)
            {
                case "true": return new LiteralArgument(JsonValue.Create(true));
                case "false": return new LiteralArgument(JsonValue.Create(false));
                case "null": return new LiteralArgument(null);
            }
            _pos = start;
            return new CallArgument(ParseCall());
        }
        throw new IntrinsicSyntaxException($"Unexpected character '{c}' at position {_pos}");
    }

    private LiteralArgument ParseString()
    {
        _pos++;
        var value = new StringBuilder();
        var raw = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new IntrinsicSyntaxException("Unterminated string literal");
            var c = _text[_pos++];
            if (c == '\'') break;
            if (c == '\\')
            {
                if (_pos >= _text.Length) throw new IntrinsicSyntaxException("Unterminated escape in string literal");
                var next = _text[_pos++];
                if (next is not ('\'' or '{' or '}' or '\\')) throw new IntrinsicSyntaxException($"Invalid escape '\\{next}' in string literal");
                value.Append(next);
                if (next is '{' or '}') raw.Append('\\');
                raw.Append(next);
                continue;
            }
            value.Append(c);
            raw.Append(c);
        }
        return new LiteralArgument(JsonValue.Create(value.ToString()), raw.ToString());
    }

    private LiteralArgument ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-') _pos++;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-')) _pos++;
        var token = _text[start.._pos];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw new IntrinsicSyntaxException($"Invalid number '{token}'");
        return new LiteralArgument(JsonNode.Parse(token));
    }

    private JsonPath ParsePath()
    {
        var start = _pos;
        var depth = 0;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is '\'' or '"')
            {
                var close = _text.IndexOf(c, _pos + 1);
                _pos = close < 0 ? _text.Length : close + 1;
                continue;
            }
            if (c is '[' or '(') depth++;
            else if (c is ']' or ')')
            {
                if (depth == 0) break;
                depth--;
            }
            else if (depth == 0 && (c == ',' || c == ' ')) break;
            _pos++;
        }
        var text = _text[start.._pos];
        try
        {
            return JsonPath.Parse(text);
        }
        catch (JsonPathException e)
        {
            throw new IntrinsicSyntaxException($"Invalid path '{text}': {e.Message}");
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }
}
