using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

/// <summary>
/// The match operators against an obvious model of each, over generated values and patterns (small alphabets and
/// ranges, so that equal values, shared prefixes and block edges come up often). A failure shrinks to a minimal
/// value and pattern.
/// </summary>
public sealed class EventPatternProperties
{
    private static readonly Gen<string> Text = Gen.Char["ab"].Array[0, 6].Select(chars => new string(chars));
    private static readonly Gen<double> Number = Gen.Int[-12, 12].Select(quarters => quarters / 4.0);
    private static readonly string[] Lower = [">", ">="];
    private static readonly string[] Upper = ["<", "<="];

    [Fact]
    public void A_numeric_range_matches_exactly_the_numbers_inside_it()
    {
        Gen.Select(Number, Gen.Int[0, 1], Number, Gen.Int[0, 1], Number).Sample((x, lowerOp, low, upperOp, high) =>
        {
            var pattern = $$"""{"n": [{"numeric": ["{{Lower[lowerOp]}}", {{Json(low)}}, "{{Upper[upperOp]}}", {{Json(high)}}]}]}""";
            if (!EventPattern.TryParse(pattern, out var parsed, out _))
            {
                low.ShouldBeGreaterThanOrEqualTo(high, $"only an empty range is refused: {pattern}");
                return;
            }

            var inside = (lowerOp == 0 ? x > low : x >= low) && (upperOp == 0 ? x < high : x <= high);
            parsed.Matches($$"""{"n": {{Json(x)}}}""").ShouldBe(inside, pattern);
        }, iter: 2_000);
    }

    [Fact]
    public void A_single_numeric_comparison_matches_as_the_operator_says()
    {
        Gen.Select(Number, Gen.Int[0, 4], Number).Sample((x, op, bound) =>
        {
            string[] operators = ["=", "<", "<=", ">", ">="];
            var pattern = Pattern("n", $$"""{"numeric": ["{{operators[op]}}", {{Json(bound)}}]}""");
            var expected = op switch { 0 => x == bound, 1 => x < bound, 2 => x <= bound, 3 => x > bound, _ => x >= bound };

            EventPattern.Parse(pattern).Matches($$"""{"n": {{Json(x)}}}""").ShouldBe(expected, pattern);
        }, iter: 2_000);
    }

    [Fact]
    public void Prefix_suffix_equals_ignore_case_and_anything_but_agree_with_string_comparison()
    {
        var mixedCase = Gen.Char["aAbB"].Array[0, 4].Select(chars => new string(chars));
        Gen.Select(Text, Text.Where(t => t.Length > 0), mixedCase, mixedCase, Text).Sample((value, affix, upper, other, excluded) =>
        {
            Matches(value, $$"""{"prefix": {{Json(affix)}}}""").ShouldBe(value.StartsWith(affix, StringComparison.Ordinal));
            Matches(value, $$"""{"suffix": {{Json(affix)}}}""").ShouldBe(value.EndsWith(affix, StringComparison.Ordinal));
            Matches(upper, $$"""{"equals-ignore-case": {{Json(other)}}}""").ShouldBe(string.Equals(upper, other, StringComparison.OrdinalIgnoreCase));
            Matches(value, $$"""{"anything-but": [{{Json(affix)}}, {{Json(excluded)}}]}""").ShouldBe(value != affix && value != excluded);
        }, iter: 2_000);
    }

    /// <summary>A wildcard pattern (at most three stars, never two together) against the same pattern as a regex.</summary>
    [Fact]
    public void A_wildcard_matches_as_the_equivalent_regular_expression()
    {
        var wildcard = Gen.Char["ab*"].Array[0, 7]
            .Select(chars => new string(chars))
            .Where(w => !w.Contains("**", StringComparison.Ordinal) && w.Count(c => c == '*') <= 3);
        Gen.Select(Gen.Char["ab"].Array[0, 8].Select(chars => new string(chars)), wildcard).Sample((value, pattern) =>
        {
            var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";

            Matches(value, $$"""{"wildcard": {{Json(pattern)}}}""").ShouldBe(Regex.IsMatch(value, regex, RegexOptions.Singleline), $"{value} against {pattern}");
        }, iter: 5_000);
    }

    /// <summary>An IPv4 or IPv6 address is inside a block exactly when its first prefix-length bits equal the block's.</summary>
    [Fact]
    public void A_cidr_block_holds_exactly_the_addresses_that_share_its_prefix()
    {
        // Addresses near the block address (a few low bits of difference in one byte) as often as far ones.
        var v4 = Gen.Byte.Array[4];
        var v6 = Gen.Byte.Array[16];
        var family = Gen.OneOf(v4.Select(a => (Block: a, Address: a, Bits: 32)), v6.Select(a => (Block: a, Address: a, Bits: 128)));
        var cases = Gen.Select(family, Gen.Int[0, 128], Gen.Int[0, 127], Gen.Byte.Array[0, 16])
            .Select((f, prefix, flipAt, far) => (f.Block, Address: Vary(f.Address, flipAt % (f.Bits), far), Prefix: prefix % (f.Bits + 1)));
        cases.Sample((block, address, prefix) =>
        {
            var pattern = Pattern("ip", $$"""{"cidr": "{{Ip(block)}}/{{prefix}}"}""");
            var inside = Enumerable.Range(0, prefix).All(bit => Bit(block, bit) == Bit(address, bit));

            EventPattern.Parse(pattern).Matches($$"""{"ip": "{{Ip(address)}}"}""").ShouldBe(inside, pattern + " against " + Ip(address));
        }, iter: 5_000);
    }

    private static bool Matches(string value, string condition) =>
        EventPattern.Parse(Pattern("s", condition)).Matches($$"""{"s": {{Json(value)}}}""");

    private static string Pattern(string field, string condition) => $$"""{"{{field}}": [{{condition}}]}""";

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static string Json(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int Bit(byte[] address, int bit) => (address[bit / 8] >> (7 - (bit % 8))) & 1;

    /// <summary>The address with one bit flipped and the given bytes laid over its tail (none: one bit apart).</summary>
    private static byte[] Vary(byte[] address, int flipAt, byte[] far)
    {
        var varied = (byte[])address.Clone();
        varied[flipAt / 8] ^= (byte)(1 << (7 - (flipAt % 8)));
        far.AsSpan(0, Math.Min(far.Length, varied.Length)).CopyTo(varied.AsSpan(varied.Length - Math.Min(far.Length, varied.Length)));
        return varied;
    }

    /// <summary>Dotted quad, or eight full hexadecimal groups (no shortening, so every address has one spelling).</summary>
    private static string Ip(byte[] address) => address.Length == 4
        ? string.Join('.', address)
        : string.Join(':', Enumerable.Range(0, 8).Select(i => ((address[2 * i] << 8) | address[(2 * i) + 1]).ToString("x", CultureInfo.InvariantCulture)));
}
