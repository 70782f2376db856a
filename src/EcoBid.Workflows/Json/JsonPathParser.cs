using System.Globalization;
using System.Text;

namespace EcoBid.Workflows.Json;

/// <summary>Reads JSONPath text into segments (dot and bracket notation, wildcards, <c>..</c>, slices, unions, filters, <c>length()</c>).</summary>
internal sealed class JsonPathParser(string text)
{
    private int _pos;

    public JsonPath Parse(Func<PathRoot, string?, IReadOnlyList<PathSegment>, bool, JsonPath> create)
    {
        if (string.IsNullOrEmpty(text)) throw new JsonPathException("Path must not be null or empty");
        PathRoot root;
        string? variable = null;
        if (text[0] == '@')
        {
            root = PathRoot.Current;
            _pos = 1;
        }
        else if (text[0] != '$')
        {
            throw new JsonPathException($"Path must start with '$': '{text}'");
        }
        else if (text.Length > 1 && text[1] == '$')
        {
            root = PathRoot.Context;
            _pos = 2;
        }
        else if (text.Length > 1 && IsNameStart(text[1]))
        {
            root = PathRoot.Variable;
            _pos = 1;
            while (_pos < text.Length && IsNameChar(text[_pos])) _pos++;
            variable = text[1.._pos];
        }
        else
        {
            root = PathRoot.Input;
            _pos = 1;
        }

        var segments = new List<PathSegment>();
        var length = false;
        while (_pos < text.Length)
        {
            if (length) throw new JsonPathException($"Function length() must be the last step of '{text}'");
            var c = text[_pos];
            if (c == '.')
            {
                if (Peek(1) == '.')
                {
                    _pos += 2;
                    PathSegment inner;
                    if (Peek(0) == '[') inner = ReadBracket();
                    else if (Peek(0) == '*') { _pos++; inner = new WildcardSegment(); }
                    else inner = new PropertySegment(ReadName());
                    segments.Add(new DeepScanSegment(inner));
                    continue;
                }
                _pos++;
                if (Peek(0) == '*')
                {
                    _pos++;
                    segments.Add(new WildcardSegment());
                    continue;
                }
                if (Peek(0) == '[') throw new JsonPathException($"Unexpected '[' after '.' in path '{text}'");
                var name = ReadName();
                if (name == "length()" && _pos >= text.Length)
                {
                    length = true;
                    continue;
                }
                if (name.EndsWith("()", StringComparison.Ordinal)) throw new JsonPathException($"Function {name} is not supported in path '{text}'");
                segments.Add(new PropertySegment(name));
            }
            else if (c == '[')
            {
                segments.Add(ReadBracket());
            }
            else
            {
                throw new JsonPathException($"Unexpected character '{c}' at position {_pos} in path '{text}'");
            }
        }
        return create(root, variable, segments, length);
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private string ReadName()
    {
        var start = _pos;
        while (_pos < text.Length && text[_pos] != '.' && text[_pos] != '[')
        {
            if (text[_pos] == ' ') throw new JsonPathException($"Unexpected space in path '{text}'");
            _pos++;
        }
        if (_pos == start) throw new JsonPathException($"Path must not end with a '.' or '..': '{text}'");
        return text[start.._pos];
    }

    private PathSegment ReadBracket()
    {
        _pos++; // '['
        SkipSpace();
        if (Peek(0) == '?')
        {
            if (Peek(1) != '(') throw new JsonPathException($"Expected '(' after '?' in path '{text}'");
            var start = _pos + 2;
            var end = FindFilterEnd(start);
            var filterText = text[start..end];
            _pos = end + 1;
            SkipSpace();
            Expect(']');
            return new FilterSegment(FilterParser.Parse(filterText), filterText);
        }
        if (Peek(0) == '*')
        {
            _pos++;
            SkipSpace();
            Expect(']');
            return new WildcardSegment();
        }
        if (Peek(0) is '\'' or '"')
        {
            var names = new List<string>();
            while (true)
            {
                SkipSpace();
                names.Add(ReadQuoted());
                SkipSpace();
                if (Peek(0) == ',') { _pos++; continue; }
                Expect(']');
                break;
            }
            return names.Count == 1 ? new PropertySegment(names[0]) : new MultiPropertySegment(names);
        }
        var close = text.IndexOf(']', _pos);
        if (close < 0) throw new JsonPathException($"Missing ']' in path '{text}'");
        var body = text[_pos..close].Replace(" ", "", StringComparison.Ordinal);
        _pos = close + 1;
        if (body.Contains(':', StringComparison.Ordinal))
        {
            var parts = body.Split(':');
            if (parts.Length > 2) throw new JsonPathException($"Slices with a step are not supported: '{text}'");
            return new SliceSegment(ParseOptionalInt(parts[0]), ParseOptionalInt(parts[1]));
        }
        var indexes = new List<int>();
        foreach (var part in body.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                throw new JsonPathException($"Could not parse token starting at position {_pos}. Expected ?, ', 0-9, * in path '{text}'");
            }
            indexes.Add(index);
        }
        return new IndexSegment(indexes);
    }

    private int? ParseOptionalInt(string s)
    {
        if (s.Length == 0) return null;
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonPathException($"Invalid slice bound '{s}' in path '{text}'");
        }
        return value;
    }

    private int FindFilterEnd(int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0) break;
                i = close;
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new JsonPathException($"Missing ')' in filter of path '{text}'");
    }

    private string ReadQuoted()
    {
        var quote = text[_pos++];
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length) _pos++;
            sb.Append(text[_pos++]);
        }
        if (_pos >= text.Length) throw new JsonPathException($"Unterminated quote in path '{text}'");
        _pos++;
        return sb.ToString();
    }

    private void Expect(char c)
    {
        if (Peek(0) != c) throw new JsonPathException($"Expected '{c}' at position {_pos} in path '{text}'");
        _pos++;
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && text[_pos] == ' ') _pos++;
    }
}
