"""The conformance cases: a name, a definition, an input, and optionally "aws" (the expectation from AWS's
documentation when it differs from the oracle, with a "note" saying why) or "jsonata" (the oracle cannot run
JSONata, so the expectation comes from the documentation). "cause": True keeps the oracle's cause in the
expectation (only for causes the definition itself decides)."""

import json

CASES = []


def case(name, definition, input=None, **extra):
    c = {"name": name, "definition": definition, "input": {} if input is None else input}
    c.update(extra)
    CASES.append(c)


def one(state, start="S"):
    return {"StartAt": start, "States": {start: state}}


def chain(*states):
    """Pass-through chain S0 -> S1 -> ... (each given as a dict without Next/End)."""
    names = [f"S{i}" for i in range(len(states))]
    out = {}
    for i, s in enumerate(states):
        s = dict(s)
        if s.get("Type") not in ("Choice", "Succeed", "Fail"):
            if i + 1 < len(states):
                s["Next"] = names[i + 1]
            else:
                s["End"] = True
        out[names[i]] = s
    return {"StartAt": names[0], "States": out}


def intrinsic(name, expr, input=None, **extra):
    case("intrinsic/" + name, one({"Type": "Pass", "Parameters": {"r.$": expr}, "End": True}), input, **extra)


def fail_in_parallel(error="Boom", cause="it broke", **outer):
    """A Parallel whose only branch fails, with the given Retry/Catch/ResultPath fields."""
    p = {"Type": "Parallel", "Branches": [one({"Type": "Fail", "Error": error, "Cause": cause}, "F")]}
    p.update(outer)
    return p


def runtime(**kw):
    return {"status": "FAILED", "error": "States.Runtime", **kw}


def intrinsic_failure():
    return {"status": "FAILED", "error": "States.IntrinsicFailure"}


# ---------------------------------------------------------------- intrinsic functions
intrinsic("format/strings", "States.Format('Hello, my name is {}.', $.name)", {"name": "Arnav"})
intrinsic("format/numbers-booleans-null", "States.Format('{} {} {} {}', $.i, $.d, $.b, $.n)", {"i": 42, "d": 1.5, "b": True, "n": None})
intrinsic("format/escaped-braces", r"States.Format('\{literal\} {}', $.x)", {"x": "v"},
          aws={"status": "SUCCEEDED", "output": {"r": "{literal} v"}},
          note="AWS documents \\{ and \\} as literal braces in intrinsic strings; the oracle fails with a KeyError")
intrinsic("format/escaped-quote", r"States.Format('it\'s {}', $.x)", {"x": "ok"})
intrinsic("format/escaped-backslash", r"States.Format('a\\b {}', $.x)", {"x": "c"},
          aws={"status": "SUCCEEDED", "output": {"r": "a\\b c"}},
          note="AWS documents \\\\ as one literal backslash in intrinsic strings")
intrinsic("format/literal-args", "States.Format('{}-{}', 'a', 7)")
intrinsic("format/too-few-args", "States.Format('{} {}', $.x)", {"x": 1})
intrinsic("format/object-arg", "States.Format('{}', $.o)", {"o": {"a": 1}})
intrinsic("format/array-arg", "States.Format('{}', $.o)", {"o": [1, 2]})
intrinsic("format/nested", "States.Format('{}!', States.Format('<{}>', $.x))", {"x": "in"})
intrinsic("format/float", "States.Format('{}', $.x)", {"x": 0.1})
intrinsic("stringtojson/object", "States.StringToJson($.s)", {"s": "{\"a\":1,\"b\":[true,null]}"})
intrinsic("stringtojson/number", "States.StringToJson($.s)", {"s": "12.5"})
intrinsic("stringtojson/invalid", "States.StringToJson($.s)", {"s": "{not json"})
intrinsic("stringtojson/not-string", "States.StringToJson($.s)", {"s": 1})
intrinsic("jsontostring/object", "States.JsonToString($.o)", {"o": {"b": 1, "a": [1, 2, {"c": "d"}], "e": None}})
intrinsic("jsontostring/string", "States.JsonToString($.o)", {"o": "text"})
intrinsic("jsontostring/number", "States.JsonToString($.o)", {"o": 2.50})
intrinsic("jsontostring/escapes", "States.JsonToString($.o)", {"o": {"k": "q\"b\\s/"}})
intrinsic("array/mixed", "States.Array('a', 1, $.x, true)", {"x": {"k": [1]}})
intrinsic("array/empty", "States.Array()")
intrinsic("arraypartition/docs", "States.ArrayPartition($.a, 4)", {"a": [1, 2, 3, 4, 5, 6, 7, 8, 9]})
intrinsic("arraypartition/exact", "States.ArrayPartition($.a, 2)", {"a": [1, 2, 3, 4]})
intrinsic("arraypartition/larger-chunk", "States.ArrayPartition($.a, 10)", {"a": [1, 2, 3]})
intrinsic("arraypartition/empty", "States.ArrayPartition($.a, 2)", {"a": []})
intrinsic("arraypartition/zero", "States.ArrayPartition($.a, 0)", {"a": [1]})
intrinsic("arraypartition/negative", "States.ArrayPartition($.a, -1)", {"a": [1]})
intrinsic("arraycontains/true", "States.ArrayContains($.a, $.v)", {"a": [1, 2, 3], "v": 2})
intrinsic("arraycontains/false", "States.ArrayContains($.a, $.v)", {"a": [1, 2, 3], "v": 4})
intrinsic("arraycontains/object", "States.ArrayContains($.a, $.v)", {"a": [{"x": 1}, "s"], "v": {"x": 1}})
intrinsic("arraycontains/string-vs-number", "States.ArrayContains($.a, $.v)", {"a": ["1"], "v": 1})
intrinsic("arrayrange/docs", "States.ArrayRange(1, 9, 2)")
intrinsic("arrayrange/single", "States.ArrayRange(1, 1, 1)")
intrinsic("arrayrange/step-zero", "States.ArrayRange(1, 5, 0)")
intrinsic("arrayrange/too-many", "States.ArrayRange(1, 1001, 1)",
          aws=intrinsic_failure(), note="AWS documents at most 1000 items in an ArrayRange result")
intrinsic("arrayrange/thousand", "States.ArrayLength(States.ArrayRange(1, 1000, 1))")
intrinsic("arrayrange/paths", "States.ArrayRange($.a, $.b, $.c)", {"a": 0, "b": 4, "c": 2})
intrinsic("arraygetitem/docs", "States.ArrayGetItem($.a, $.i)", {"a": [1, 2, 3, 4, 5, 6, 7, 8, 9], "i": 5})
intrinsic("arraygetitem/out-of-range", "States.ArrayGetItem($.a, 3)", {"a": [1, 2, 3]})
intrinsic("arraygetitem/negative", "States.ArrayGetItem($.a, -1)", {"a": [1, 2, 3]})
intrinsic("arraylength/docs", "States.ArrayLength($.a)", {"a": [1, 2, 3, 4, 5, 6, 7, 8, 9]})
intrinsic("arraylength/empty", "States.ArrayLength($.a)", {"a": []})
intrinsic("arraylength/not-array", "States.ArrayLength($.a)", {"a": "abc"})
intrinsic("arrayunique/docs", "States.ArrayUnique($.a)", {"a": [1, 2, 3, 3, 3, 3, 3, 3, 4]})
intrinsic("arrayunique/mixed", "States.ArrayUnique($.a)", {"a": ["a", 1, "a", {"x": 1}, {"x": 1}, None, None, True, True]})
intrinsic("base64encode/docs", "States.Base64Encode($.s)", {"s": "Data to encode"})
intrinsic("base64decode/docs", "States.Base64Decode($.s)", {"s": "RGF0YSB0byBlbmNvZGU="})
intrinsic("base64decode/invalid", "States.Base64Decode($.s)", {"s": "not base64!"})
intrinsic("base64encode/not-string", "States.Base64Encode($.s)", {"s": 1})
for alg in ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"]:
    intrinsic("hash/" + alg.lower(), f"States.Hash($.s, '{alg}')", {"s": "input data"})
intrinsic("hash/unicode", "States.Hash($.s, 'SHA-256')", {"s": "héllo"})
intrinsic("hash/bad-algorithm", "States.Hash($.s, 'SHA-3')", {"s": "x"})
intrinsic("hash/lowercase-algorithm", "States.Hash($.s, 'sha-256')", {"s": "x"},
          aws=intrinsic_failure(), note="AWS accepts the algorithm names exactly as listed (MD5, SHA-1, SHA-256, SHA-384, SHA-512)")
intrinsic("jsonmerge/docs", "States.JsonMerge($.json1, $.json2, false)",
          {"json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}})
intrinsic("jsonmerge/deep-true", "States.JsonMerge($.json1, $.json2, true)",
          {"json1": {"a": {"a1": 1}}, "json2": {"a": {"a3": 1}}},
          aws=intrinsic_failure(), note="AWS documents that only shallow merging (false) is supported")
intrinsic("jsonmerge/not-object", "States.JsonMerge($.json1, $.json2, false)", {"json1": {"a": 1}, "json2": [1]})
intrinsic("mathadd/docs", "States.MathAdd($.value1, $.step)", {"value1": 111, "step": -1})
intrinsic("mathadd/literals", "States.MathAdd(1, 2)")
intrinsic("mathadd/decimal", "States.MathAdd($.a, $.b)", {"a": 1.5, "b": 1})
intrinsic("mathadd/string", "States.MathAdd($.a, 1)", {"a": "1"})
intrinsic("mathrandom/fixed-range", "States.MathRandom(5, 6)",
          aws={"status": "SUCCEEDED", "output": {"r": 5}}, note="AWS documents the end as exclusive")
intrinsic("stringsplit/docs", "States.StringSplit($.s, $.d)", {"s": "1,2,3,4,5", "d": ","})
intrinsic("stringsplit/multichar", "States.StringSplit($.s, $.d)", {"s": "This.is+a,test=string", "d": ".+,="})
intrinsic("stringsplit/empty-tokens", "States.StringSplit($.s, ',')", {"s": "a,,b,"})
intrinsic("stringsplit/no-delimiter", "States.StringSplit($.s, ';')", {"s": "abc"})
intrinsic("unknown-path", "States.ArrayLength($.missing)", {"a": 1})
intrinsic("context-arg", "States.Format('state {}', $$.State.Name)")
case("intrinsic/uuid-shape", chain({"Type": "Pass", "Parameters": {"u.$": "States.UUID()"}},
                                   {"Type": "Pass", "Parameters": {"parts.$": "States.ArrayLength(States.StringSplit($.u, '-'))"}}))
case("intrinsic/in-result-selector",
     one({"Type": "Parallel", "Branches": [one({"Type": "Pass", "Result": [3, 1, 3], "End": True}, "B")],
          "ResultSelector": {"u.$": "States.ArrayUnique($[0])"}, "End": True}))

# ---------------------------------------------------------------- input and output processing
case("io/inputpath", one({"Type": "Pass", "InputPath": "$.a", "End": True}), {"a": {"b": 1}, "c": 2})
case("io/inputpath-null", one({"Type": "Pass", "InputPath": None, "End": True}), {"a": 1})
case("io/inputpath-missing", one({"Type": "Pass", "InputPath": "$.x", "End": True}), {"a": 1}, cause=True)
case("io/outputpath", one({"Type": "Pass", "OutputPath": "$.a.b", "End": True}), {"a": {"b": [1]}})
case("io/outputpath-null", one({"Type": "Pass", "OutputPath": None, "End": True}), {"a": 1})
case("io/outputpath-missing", one({"Type": "Pass", "OutputPath": "$.x", "End": True}), {"a": 1}, cause=True)
case("io/result-replaces", one({"Type": "Pass", "Result": {"x": 1}, "End": True}), {"a": 1})
case("io/resultpath-field", one({"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.r", "End": True}), {"a": 1})
case("io/resultpath-deep-create", one({"Type": "Pass", "Result": 5, "ResultPath": "$.p.q.r", "End": True}), {"a": 1})
case("io/resultpath-null", one({"Type": "Pass", "Result": 5, "ResultPath": None, "End": True}), {"a": 1})
case("io/resultpath-overwrite", one({"Type": "Pass", "Result": 5, "ResultPath": "$.a", "End": True}), {"a": {"b": 1}})
case("io/resultpath-on-string-input", one({"Type": "Pass", "Result": 5, "ResultPath": "$.a", "End": True}), "text")
case("io/resultpath-into-array-input", one({"Type": "Pass", "Result": 5, "ResultPath": "$.a", "End": True}), [1, 2])
case("io/resultpath-through-scalar", one({"Type": "Pass", "Result": 5, "ResultPath": "$.a.b", "End": True}), {"a": 1})
case("io/parameters-static-and-path", one({"Type": "Pass", "Parameters": {"static": "v", "n": 1, "p.$": "$.a", "o": {"deep.$": "$.b"}}, "End": True}), {"a": 1, "b": [2]})
case("io/parameters-path-missing", one({"Type": "Pass", "Parameters": {"p.$": "$.nope"}, "End": True}), {"a": 1}, cause=True)
case("io/parameters-in-array", one({"Type": "Pass", "Parameters": {"list": [{"x.$": "$.a"}, "lit"]}, "End": True}), {"a": 7})
case("io/parameters-whole-input", one({"Type": "Pass", "Parameters": {"all.$": "$"}, "End": True}), {"a": 1})
case("io/parameters-context", one({"Type": "Pass", "Parameters": {"input.$": "$$.Execution.Input", "state.$": "$$.State.Name", "retry.$": "$$.State.RetryCount"}, "End": True}), {"a": 1})
case("io/parameters-then-resultpath", one({"Type": "Pass", "Parameters": {"x.$": "$.a"}, "ResultPath": "$.out", "End": True}), {"a": 1})
case("io/inputpath-then-parameters", one({"Type": "Pass", "InputPath": "$.a", "Parameters": {"x.$": "$.b"}, "End": True}), {"a": {"b": 2}})
case("io/full-chain", one({"Type": "Pass", "InputPath": "$.in", "Parameters": {"v.$": "$.v"}, "ResultPath": "$.in.res", "OutputPath": "$.in", "End": True}), {"in": {"v": 3}, "other": 1})
case("io/parameters-non-path-dollar", one({"Type": "Pass", "Parameters": {"p": "$.a"}, "End": True}), {"a": 1})
case("io/parameters-null-value", one({"Type": "Pass", "Parameters": {"n": None, "e": {}, "arr": []}, "End": True}))
case("io/result-and-parameters", one({"Type": "Pass", "Parameters": {"x": 1}, "Result": {"y": 2}, "End": True}))
case("io/number-formats", one({"Type": "Pass", "Parameters": {"a.$": "$.a", "b.$": "$.b", "c.$": "$.c"}, "End": True}), {"a": 1.0, "b": 1e3, "c": -0.5})
case("io/string-input", one({"Type": "Pass", "End": True}), "just a string")
case("io/chained", chain({"Type": "Pass", "Result": 1, "ResultPath": "$.a"}, {"Type": "Pass", "Result": 2, "ResultPath": "$.b"}, {"Type": "Pass", "OutputPath": "$.b"}), {})

# ---------------------------------------------------------------- JSONPath
def path(name, expr, input):
    case("jsonpath/" + name, one({"Type": "Pass", "Parameters": {"r.$": expr}, "End": True}), input)


DOC = {"items": [{"n": "a", "p": 5, "tags": ["x"]}, {"n": "b", "p": 15}, {"n": "c", "p": 25, "tags": []}], "m": {"k": 1}}
path("index", "$.items[1].n", DOC)
path("negative-index", "$.items[-1].n", DOC)
path("wildcard", "$.items[*].n", DOC)
path("slice", "$.items[0:2].p", DOC)
path("filter-gt", "$.items[?(@.p > 10)].n", DOC)
path("filter-eq-string", "$.items[?(@.n == 'b')].p", DOC)
path("filter-exists", "$.items[?(@.tags)].n", DOC)
path("deep-scan", "$..n", DOC)
path("bracket-property", "$['m']['k']", DOC)
path("union", "$.items[0,2].n", DOC)
path("object-wildcard", "$.m.*", DOC)
path("index-out-of-range", "$.items[5]", DOC)
path("filter-empty", "$.items[?(@.p > 100)].n", DOC)

# ---------------------------------------------------------------- Choice
def choice(name, rule, input, default=True, **extra):
    states = {
        "C": {"Type": "Choice", "Choices": [dict(rule, Next="Yes")]},
        "Yes": {"Type": "Pass", "Result": "yes", "End": True},
        "No": {"Type": "Pass", "Result": "no", "End": True},
    }
    if default:
        states["C"]["Default"] = "No"
    else:
        del states["No"]
    case("choice/" + name, {"StartAt": "C", "States": states}, input, **extra)


choice("string-equals", {"Variable": "$.s", "StringEquals": "abc"}, {"s": "abc"})
choice("string-equals-case", {"Variable": "$.s", "StringEquals": "abc"}, {"s": "ABC"})
choice("string-equals-path", {"Variable": "$.s", "StringEqualsPath": "$.t"}, {"s": "x", "t": "x"})
choice("string-less-than", {"Variable": "$.s", "StringLessThan": "b"}, {"s": "a"})
choice("string-less-than-upper", {"Variable": "$.s", "StringLessThan": "a"}, {"s": "Z"})
choice("string-greater-than", {"Variable": "$.s", "StringGreaterThan": "abc"}, {"s": "abd"})
choice("string-less-than-equals", {"Variable": "$.s", "StringLessThanEquals": "abc"}, {"s": "abc"})
choice("string-greater-than-equals-path", {"Variable": "$.s", "StringGreaterThanEqualsPath": "$.t"}, {"s": "b", "t": "c"})
choice("string-equals-on-number", {"Variable": "$.s", "StringEquals": "1"}, {"s": 1})
choice("string-matches-star", {"Variable": "$.s", "StringMatches": "log-*.txt"}, {"s": "log-2024-01.txt"})
choice("string-matches-no", {"Variable": "$.s", "StringMatches": "log-*.txt"}, {"s": "log-2024-01.csv"})
choice("string-matches-escaped-star", {"Variable": "$.s", "StringMatches": r"a\*b"}, {"s": "a*b"})
choice("string-matches-escaped-star-no", {"Variable": "$.s", "StringMatches": r"a\*b"}, {"s": "axxb"})
choice("string-matches-escaped-backslash", {"Variable": "$.s", "StringMatches": r"a\\*"}, {"s": "a\\zz"},
       aws={"status": "SUCCEEDED", "output": "yes"},
       note="AWS: \\\\ in a StringMatches pattern is a literal backslash, so a\\\\* matches 'a\\' followed by anything")
choice("string-matches-multi", {"Variable": "$.s", "StringMatches": "*.log.*"}, {"s": "x.log.1"})
choice("string-matches-whole", {"Variable": "$.s", "StringMatches": "abc"}, {"s": "xabc"})
choice("numeric-equals", {"Variable": "$.n", "NumericEquals": 1}, {"n": 1.0})
choice("numeric-equals-decimal", {"Variable": "$.n", "NumericEquals": 0.3}, {"n": 0.3})
choice("numeric-less-than", {"Variable": "$.n", "NumericLessThan": 10}, {"n": 9.99})
choice("numeric-greater-than-equals", {"Variable": "$.n", "NumericGreaterThanEquals": 10}, {"n": 10})
choice("numeric-less-than-equals-path", {"Variable": "$.n", "NumericLessThanEqualsPath": "$.m"}, {"n": 3, "m": 3})
choice("numeric-greater-than-path", {"Variable": "$.n", "NumericGreaterThanPath": "$.m"}, {"n": 3, "m": 4})
choice("numeric-on-string", {"Variable": "$.n", "NumericEquals": 1}, {"n": "1"})
choice("numeric-negative", {"Variable": "$.n", "NumericLessThan": 0}, {"n": -1e2})
choice("boolean-equals", {"Variable": "$.b", "BooleanEquals": False}, {"b": False})
choice("boolean-equals-on-string", {"Variable": "$.b", "BooleanEquals": True}, {"b": "true"})
choice("boolean-equals-path", {"Variable": "$.b", "BooleanEqualsPath": "$.c"}, {"b": True, "c": True})
choice("timestamp-equals-offsets", {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"}, {"t": "2016-03-14T03:59:00+02:00"})
choice("timestamp-less-than", {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z"}, {"t": "2016-03-14T01:58:59Z"})
choice("timestamp-greater-than-fraction", {"Variable": "$.t", "TimestampGreaterThan": "2016-03-14T01:59:00Z"}, {"t": "2016-03-14T01:59:00.001Z"})
choice("timestamp-less-than-equals-path", {"Variable": "$.t", "TimestampLessThanEqualsPath": "$.u"}, {"t": "2020-01-01T00:00:00Z", "u": "2020-01-01T00:00:00Z"})
choice("timestamp-greater-than-equals", {"Variable": "$.t", "TimestampGreaterThanEquals": "2020-01-01T00:00:00Z"}, {"t": "2019-12-31T23:59:59Z"})
choice("timestamp-invalid-variable", {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"}, {"t": "yesterday"})
choice("timestamp-lowercase-t", {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"}, {"t": "2016-03-14t01:59:00z"},
       aws={"status": "SUCCEEDED", "output": "no"},
       note="AWS: timestamps must use an uppercase T separator and Z or an offset")
choice("is-null-true", {"Variable": "$.x", "IsNull": True}, {"x": None})
choice("is-null-false", {"Variable": "$.x", "IsNull": True}, {"x": 0})
choice("is-present-missing", {"Variable": "$.x", "IsPresent": True}, {"y": 1})
choice("is-present-false", {"Variable": "$.x", "IsPresent": False}, {"y": 1})
choice("is-numeric", {"Variable": "$.x", "IsNumeric": True}, {"x": 1.5})
choice("is-numeric-string", {"Variable": "$.x", "IsNumeric": True}, {"x": "1.5"})
choice("is-string", {"Variable": "$.x", "IsString": True}, {"x": ""})
choice("is-boolean-false", {"Variable": "$.x", "IsBoolean": False}, {"x": 1})
choice("is-timestamp", {"Variable": "$.x", "IsTimestamp": True}, {"x": "2016-03-14T01:59:00Z"})
choice("is-timestamp-date-only", {"Variable": "$.x", "IsTimestamp": True}, {"x": "2016-03-14"})
choice("is-timestamp-offset", {"Variable": "$.x", "IsTimestamp": True}, {"x": "2016-03-14T01:59:00.123+05:30"})
choice("and", {"And": [{"Variable": "$.a", "NumericGreaterThan": 1}, {"Variable": "$.b", "StringEquals": "x"}]}, {"a": 2, "b": "x"})
choice("and-false", {"And": [{"Variable": "$.a", "NumericGreaterThan": 1}, {"Variable": "$.b", "StringEquals": "x"}]}, {"a": 2, "b": "y"})
choice("or", {"Or": [{"Variable": "$.a", "NumericGreaterThan": 1}, {"Variable": "$.b", "StringEquals": "x"}]}, {"a": 0, "b": "x"})
choice("not", {"Not": {"Variable": "$.a", "StringEquals": "x"}}, {"a": "y"})
choice("nested-boolean", {"Not": {"Or": [{"Variable": "$.a", "IsPresent": True}, {"And": [{"Variable": "$.b", "BooleanEquals": True}]}]}}, {"b": False})
choice("no-match-no-default", {"Variable": "$.a", "StringEquals": "x"}, {"a": "y"}, default=False)
choice("variable-missing", {"Variable": "$.missing", "StringEquals": "x"}, {"a": "y"})
choice("path-operand-missing", {"Variable": "$.a", "StringEqualsPath": "$.missing"}, {"a": "y"})
choice("is-present-on-null", {"Variable": "$.x", "IsPresent": True}, {"x": None})
case("choice/first-match-wins", {"StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "A"}, {"Variable": "$.n", "NumericGreaterThan": 0, "Next": "B"}]},
    "A": {"Type": "Pass", "Result": "A", "End": True}, "B": {"Type": "Pass", "Result": "B", "End": True}}}, {"n": 5})
case("choice/io-paths", {"StartAt": "C", "States": {
    "C": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.v", "Choices": [{"Variable": "$.v", "IsPresent": True, "Next": "E"}]},
    "E": {"Type": "Succeed"}}}, {"in": {"v": [1]}})

# ---------------------------------------------------------------- Wait, Succeed, Fail
case("wait/seconds-zero", one({"Type": "Wait", "Seconds": 0, "End": True}), {"a": 1})
case("wait/seconds-path", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"s": 1})
case("wait/timestamp-past", one({"Type": "Wait", "Timestamp": "2016-03-14T01:59:00Z", "End": True}), {"a": 1})
case("wait/timestamp-path-past", one({"Type": "Wait", "TimestampPath": "$.t", "End": True}), {"t": "2016-03-14T01:59:00Z"})
case("wait/seconds-path-missing", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"a": 1}, cause=True)
case("wait/seconds-path-string", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"s": "1"}, cause=True)
case("wait/seconds-path-negative", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"s": -1}, cause=True)
case("wait/timestamp-path-invalid", one({"Type": "Wait", "TimestampPath": "$.t", "End": True}), {"t": "tomorrow"}, cause=True)
case("wait/io", one({"Type": "Wait", "Seconds": 0, "InputPath": "$.a", "OutputPath": "$.b", "End": True}), {"a": {"b": 2}})
case("succeed/io", one({"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}), {"a": {"b": 2}})
case("fail/error-cause", one({"Type": "Fail", "Error": "MyError", "Cause": "My cause"}), cause=True)
case("fail/error-only", one({"Type": "Fail", "Error": "MyError"}), cause=True)
case("fail/nothing", one({"Type": "Fail"}), cause=True)
case("fail/error-path", one({"Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c"}), {"e": "E1", "c": "C1"}, cause=True)
case("fail/intrinsic-paths", one({"Type": "Fail", "ErrorPath": "States.Format('E{}', $.n)", "CausePath": "States.JsonToString($.o)"}), {"n": 7, "o": {"a": 1}}, cause=True)
case("fail/error-path-missing", one({"Type": "Fail", "ErrorPath": "$.e"}), {"a": 1})
case("fail/error-path-not-string", one({"Type": "Fail", "ErrorPath": "$.e", "Cause": "c"}), {"e": 5})
case("fail/context-path", one({"Type": "Fail", "ErrorPath": "$$.State.Name", "CausePath": "$$.Execution.Input.c"}), {"c": "from input"}, cause=True)

# ---------------------------------------------------------------- Parallel
P2 = [one({"Type": "Pass", "Result": 1, "End": True}, "A"), one({"Type": "Pass", "InputPath": "$.x", "End": True}, "B")]
case("parallel/outputs", one({"Type": "Parallel", "Branches": P2, "End": True}), {"x": "in"})
case("parallel/resultpath", one({"Type": "Parallel", "Branches": P2, "ResultPath": "$.r", "End": True}), {"x": "in"})
case("parallel/result-selector", one({"Type": "Parallel", "Branches": P2, "ResultSelector": {"first.$": "$[0]", "n": 2}, "End": True}), {"x": "in"})
case("parallel/parameters", one({"Type": "Parallel", "Branches": P2, "Parameters": {"x.$": "$.y"}, "End": True}), {"y": "param"})
case("parallel/branch-fails", one(fail_in_parallel(End=True)), cause=True)
case("parallel/branch-fails-other-ok", one({"Type": "Parallel", "End": True, "Branches": [P2[0], one({"Type": "Fail", "Error": "E2", "Cause": "c2"}, "F")]}), cause=True)
case("parallel/nested", one({"Type": "Parallel", "End": True, "Branches": [one({"Type": "Parallel", "Branches": P2, "End": True}, "Inner")]}), {"x": 1})
case("parallel/branch-runtime-error", one({"Type": "Parallel", "End": True, "Branches": [one({"Type": "Pass", "InputPath": "$.missing", "End": True}, "A")]}), {"x": 1})
case("parallel/branch-context", one({"Type": "Parallel", "End": True, "Branches": [one({"Type": "Pass", "Parameters": {"s.$": "$$.State.Name", "i.$": "$$.Execution.Input"}, "End": True}, "A")]}), {"x": 1})

# ---------------------------------------------------------------- Retry and Catch
CATCH_NEXT = {"Type": "Pass", "End": True}


def catching(name, outer, input=None, **extra):
    outer = dict(outer)
    outer.setdefault("End", True)
    states = {"P": outer}
    text = json.dumps(outer)
    if '"Handler"' in text:
        states["Handler"] = {"Type": "Pass", "End": True}
    if '"Other"' in text:
        states["Other"] = {"Type": "Pass", "Result": "other", "End": True}
    case("catch/" + name, {"StartAt": "P", "States": states}, input, **extra)


catching("default-resultpath", fail_in_parallel(Catch=[{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]), {"in": 1})
catching("resultpath-field", fail_in_parallel(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Handler"}]), {"in": 1})
catching("resultpath-null", fail_in_parallel(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": None, "Next": "Handler"}]), {"in": 1})
catching("by-name-first", fail_in_parallel(Catch=[{"ErrorEquals": ["Boom"], "Next": "Other"}, {"ErrorEquals": ["States.ALL"], "Next": "Handler"}]), {"in": 1})
catching("by-name-not-matching", fail_in_parallel(Catch=[{"ErrorEquals": ["Nope"], "Next": "Other"}, {"ErrorEquals": ["States.ALL"], "Next": "Handler"}]), {"in": 1})
catching("order-matters", fail_in_parallel(Catch=[{"ErrorEquals": ["States.ALL"], "Next": "Handler"}, {"ErrorEquals": ["Boom"], "Next": "Other"}]), {"in": 1},
         aws={"status": "INVALID_DEFINITION", "error": "InvalidDefinition"},
         note="AWS rejects States.ALL anywhere but alone in the last Catcher")
catching("uncaught", fail_in_parallel(Catch=[{"ErrorEquals": ["Nope"], "Next": "Other"}]), {"in": 1}, cause=True)
catching("task-failed-matches", fail_in_parallel(Catch=[{"ErrorEquals": ["States.TaskFailed"], "Next": "Handler"}]), {"in": 1})
catching("runtime-not-caught", {"Type": "Parallel", "Branches": [one({"Type": "Pass", "InputPath": "$.missing", "End": True}, "A")],
                                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]}, {"in": 1})
catching("retry-then-fail", fail_in_parallel(Retry=[{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 1}]), {"in": 1}, cause=True)
catching("retry-then-catch", fail_in_parallel(Retry=[{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 1}],
                                              Catch=[{"ErrorEquals": ["Boom"], "ResultPath": "$.e", "Next": "Handler"}]), {"in": 1})
catching("retry-zero-attempts", fail_in_parallel(Retry=[{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}],
                                                 Catch=[{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]), {"in": 1})
catching("catch-output-resultpath-deep", fail_in_parallel(Catch=[{"ErrorEquals": ["States.ALL"], "ResultPath": "$.a.b", "Next": "Handler"}]), {"a": {"x": 1}})
catching("catch-runtime-in-branch-by-name", {"Type": "Parallel", "Branches": [one({"Type": "Pass", "InputPath": "$.missing", "End": True}, "A")],
                                             "Catch": [{"ErrorEquals": ["States.Runtime"], "Next": "Handler"}]}, {"in": 1})
case("catch/intrinsic-failure-caught", {"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Branches": [one({"Type": "Pass", "Parameters": {"x.$": "States.ArrayGetItem($.a, 5)"}, "End": True}, "A")],
          "Catch": [{"ErrorEquals": ["States.IntrinsicFailure"], "ResultPath": "$.e", "Next": "H"}], "End": True},
    "H": {"Type": "Pass", "Parameters": {"error.$": "$.e.Error"}, "End": True}}}, {"a": [1]},
     aws={"status": "SUCCEEDED", "output": {"error": "States.IntrinsicFailure"}},
     note="AWS documents States.IntrinsicFailure for a failed intrinsic function, so a Catcher can name it; the oracle reports States.Runtime, which no Catcher sees")
catching("map-fail-caught", {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "ItemError", "Cause": "bad item"}}},
                             "Catch": [{"ErrorEquals": ["ItemError"], "ResultPath": "$.err", "Next": "Handler"}]}, {"items": [1]})

# ---------------------------------------------------------------- Map
def mapstate(fields, processor_states=None, start="I"):
    m = {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": start,
                                          "States": processor_states or {start: {"Type": "Pass", "End": True}}}, "End": True}
    m.update(fields)
    return one(m)


case("map/identity", mapstate({"ItemsPath": "$.items"}), {"items": [1, "a", {"b": 2}]})
case("map/root-array", mapstate({}), [1, 2, 3])
case("map/empty", mapstate({"ItemsPath": "$.items"}), {"items": []})
case("map/item-selector-context", mapstate({"ItemsPath": "$.items", "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value", "x.$": "$.x"}}), {"items": ["a", "b"], "x": 9})
case("map/legacy-parameters", {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "Parameters": {"v.$": "$$.Map.Item.Value"}, "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}, "End": True}}}, {"items": [1, 2]})
case("map/items-missing", mapstate({"ItemsPath": "$.nope"}), {"items": [1]})
case("map/result-selector", mapstate({"ItemsPath": "$.items", "ResultSelector": {"n.$": "States.ArrayLength($)"}}), {"items": [1, 2]})
case("map/resultpath", mapstate({"ItemsPath": "$.items", "ResultPath": "$.out"}), {"items": [1, 2]})
case("map/max-concurrency", mapstate({"ItemsPath": "$.items", "MaxConcurrency": 1}), {"items": [1, 2, 3]})
case("map/iteration-pass-transform", mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Pass", "Parameters": {"double.$": "States.MathAdd($.v, $.v)"}, "End": True}}), {"items": [{"v": 1}, {"v": 5}]})
case("map/iteration-fails", mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "OK"}, "F": {"Type": "Fail", "Error": "Two", "Cause": "item two"}, "OK": {"Type": "Pass", "End": True}}), {"items": [1, 2, 3]}, cause=True)
case("map/nested", mapstate({"ItemsPath": "$.rows"}, {"Inner": {"Type": "Map", "ItemsPath": "$", "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": True}}}, "End": True}}, start="Inner"), {"rows": [[1, 2], [3]]})
case("map/context-in-iteration", mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Pass", "Parameters": {"s.$": "$$.State.Name"}, "End": True}}), {"items": [1]})
case("map/item-selector-static", mapstate({"ItemsPath": "$.items", "ItemSelector": {"k": "v"}}), {"items": [1, 2]})
case("map/max-concurrency-path", mapstate({"ItemsPath": "$.items", "MaxConcurrencyPath": "$.mc"}), {"items": [1, 2], "mc": 1})


def dmap(fields, processor_states=None):
    m = {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "I",
                                          "States": processor_states or {"I": {"Type": "Pass", "End": True}}}, "End": True}
    m.update(fields)
    return one(m)


FAIL_ON_NEG = {"I": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericLessThan": 0, "Next": "F"}], "Default": "OK"},
               "F": {"Type": "Fail", "Error": "Neg", "Cause": "negative"}, "OK": {"Type": "Pass", "End": True}}
case("map/batcher-items", dmap({"ItemsPath": "$.items", "ItemBatcher": {"MaxItemsPerBatch": 2}}), {"items": [1, 2, 3, 4, 5]})
case("map/batcher-batch-input", dmap({"ItemsPath": "$.items", "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"k": "v"}}}), {"items": [1, 2, 3]})
case("map/batcher-item-selector", dmap({"ItemsPath": "$.items", "ItemSelector": {"i.$": "$$.Map.Item.Index"}, "ItemBatcher": {"MaxItemsPerBatch": 3}}), {"items": ["a", "b"]})
case("map/tolerated-count-ok", dmap({"ItemsPath": "$.items", "ToleratedFailureCount": 1, "ResultSelector": {"n.$": "States.ArrayLength($)"}}, FAIL_ON_NEG), {"items": [1, -1, 2]})
case("map/tolerated-count-exceeded", dmap({"ItemsPath": "$.items", "ToleratedFailureCount": 1}, FAIL_ON_NEG), {"items": [-1, -2, 3]})
case("map/tolerated-percentage-ok", dmap({"ItemsPath": "$.items", "ToleratedFailurePercentage": 50, "ResultSelector": {"n.$": "States.ArrayLength($)"}}, FAIL_ON_NEG), {"items": [1, -1, 2, -2]})
case("map/tolerated-percentage-exceeded", dmap({"ItemsPath": "$.items", "ToleratedFailurePercentage": 20}, FAIL_ON_NEG), {"items": [1, -1, 2, 3]})
case("map/distributed-plain", dmap({"ItemsPath": "$.items"}), {"items": [1, 2]})

# ---------------------------------------------------------------- Variables
case("vars/pass-assign-then-read", chain({"Type": "Pass", "Assign": {"x": 1, "y.$": "$.a"}}, {"Type": "Pass", "Parameters": {"x.$": "$x", "y.$": "$y"}}), {"a": "A"})
case("vars/assign-reads-result", chain({"Type": "Pass", "Result": {"r": 1}, "Assign": {"v.$": "$.r"}}, {"Type": "Pass", "Parameters": {"v.$": "$v"}}), {"r": "input"})
case("vars/assign-same-state-old-value", chain({"Type": "Pass", "Assign": {"a": 1}}, {"Type": "Pass", "Assign": {"a": 2, "b.$": "$a"}}, {"Type": "Pass", "Parameters": {"a.$": "$a", "b.$": "$b"}}))
case("vars/undefined", one({"Type": "Pass", "Parameters": {"x.$": "$nope"}, "End": True}))
case("vars/path-into-variable", chain({"Type": "Pass", "Assign": {"o": {"a": [1, 2]}}}, {"Type": "Pass", "Parameters": {"x.$": "$o.a[1]"}}))
case("vars/intrinsic-with-variable", chain({"Type": "Pass", "Assign": {"n": 2}}, {"Type": "Pass", "Parameters": {"x.$": "States.MathAdd($n, 3)"}}))
case("vars/map-reads-outer", {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"outer": "o"}, "Next": "M"},
                                                           "M": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "Parameters": {"o.$": "$outer", "v.$": "$"}, "End": True}}}, "End": True}}}, {"items": [1, 2]})
case("vars/choice-assign", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": True, "Assign": {"branch": "rule"}, "Next": "E"}], "Default": "E", "Assign": {"branch": "default"}},
                                                       "E": {"Type": "Pass", "Parameters": {"b.$": "$branch"}, "End": True}}}, {"a": 1})
case("vars/choice-default-assign", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": True, "Assign": {"branch": "rule"}, "Next": "E"}], "Default": "E", "Assign": {"branch": "default"}},
                                                               "E": {"Type": "Pass", "Parameters": {"b.$": "$branch"}, "End": True}}}, {"z": 1})
case("vars/catch-assign", {"StartAt": "P", "States": {"P": {**fail_in_parallel(), "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err.$": "$.Error"}, "Next": "E"}], "End": True},
                                                      "E": {"Type": "Pass", "Parameters": {"e.$": "$err"}, "End": True}}})
case("vars/parallel-result-assign", {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": P2, "Assign": {"first.$": "$[0]"}, "Next": "E"},
                                                               "E": {"Type": "Pass", "Parameters": {"f.$": "$first"}, "End": True}}}, {"x": 1})
case("vars/inner-assign-not-visible-outside", {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [one({"Type": "Pass", "Assign": {"inner": 1}, "End": True}, "A")], "Next": "E"},
                                                                          "E": {"Type": "Pass", "Parameters": {"i.$": "$inner"}, "End": True}}})
case("vars/reassign-outer-in-branch", {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"v": 1}, "Next": "P"},
                                                                  "P": {"Type": "Parallel", "Branches": [one({"Type": "Pass", "Assign": {"v": 2}, "End": True}, "B")], "End": True}}},
     aws={"status": "INVALID_DEFINITION", "error": "InvalidDefinition"},
     note="AWS: a branch or iteration cannot assign a variable of the same name as an outer one")

# ---------------------------------------------------------------- validation at create time
INV = {"status": "INVALID_DEFINITION", "error": "InvalidDefinition"}
case("validate/missing-startat", {"States": {"A": {"Type": "Pass", "End": True}}})
case("validate/startat-unknown", {"StartAt": "X", "States": {"A": {"Type": "Pass", "End": True}}})
case("validate/next-unknown", {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "X"}}})
case("validate/no-end-no-next", {"StartAt": "A", "States": {"A": {"Type": "Pass"}}})
case("validate/end-and-next", {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True, "Next": "B"}, "B": {"Type": "Succeed"}}})
case("validate/unknown-type", one({"Type": "Sleep", "End": True}))
case("validate/choice-no-choices", one({"Type": "Choice", "Choices": []}))
case("validate/choice-with-end", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": True, "Next": "E"}], "End": True}, "E": {"Type": "Succeed"}}})
case("validate/wait-two-durations", one({"Type": "Wait", "Seconds": 1, "Timestamp": "2016-03-14T01:59:00Z", "End": True}))
case("validate/wait-no-duration", one({"Type": "Wait", "End": True}))
case("validate/fail-error-and-errorpath", one({"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}))
case("validate/unknown-intrinsic", one({"Type": "Pass", "Parameters": {"x.$": "States.Nope($.a)"}, "End": True}))
case("validate/bad-jsonpath", one({"Type": "Pass", "InputPath": "a.b", "End": True}), aws=INV,
     note="AWS requires paths to start with $")
case("validate/unreachable-state", {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Succeed"}}})
case("validate/retry-all-not-last", one({**fail_in_parallel(), "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["Boom"]}], "End": True}), aws=INV,
     note="AWS: States.ALL must appear alone and in the last Retrier")
case("validate/all-with-others", one({**fail_in_parallel(), "Retry": [{"ErrorEquals": ["States.ALL", "Boom"]}], "End": True}), aws=INV,
     note="AWS: States.ALL must appear alone in its ErrorEquals")
case("validate/map-without-processor", one({"Type": "Map", "End": True}))
case("validate/parallel-no-branches", one({"Type": "Parallel", "Branches": [], "End": True}))
case("validate/succeed-with-next", {"StartAt": "A", "States": {"A": {"Type": "Succeed", "Next": "B"}, "B": {"Type": "Succeed"}}})
case("validate/pass-unknown-field", one({"Type": "Pass", "Resultt": 1, "End": True}))
case("validate/bad-timestamp", one({"Type": "Wait", "Timestamp": "not a time", "End": True}), aws=INV,
     note="AWS validates a literal Timestamp at creation")
case("validate/negative-seconds", one({"Type": "Wait", "Seconds": -1, "End": True}), aws=INV,
     note="AWS requires Seconds to be a non-negative integer")
case("validate/choice-rule-two-operators", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringEquals": "x", "NumericEquals": 1, "Next": "E"}]}, "E": {"Type": "Succeed"}}}, aws=INV,
     note="AWS: a choice rule has exactly one comparison operator")
case("validate/empty-states", {"StartAt": "A", "States": {}})
case("validate/variable-name-bad", one({"Type": "Pass", "Assign": {"1bad": 1}, "End": True}), aws=INV,
     note="AWS: variable names start with a letter or underscore")
case("validate/intrinsic-arity", one({"Type": "Pass", "Parameters": {"x.$": "States.ArrayLength($.a, 1)"}, "End": True}), aws=INV,
     note="AWS validates intrinsic function arity when the machine is created")
case("validate/tolerated-percentage-range", dmap({"ItemsPath": "$.items", "ToleratedFailurePercentage": 150}), aws=INV,
     note="AWS: ToleratedFailurePercentage is between 0 and 100")
case("validate/max-attempts-negative", one({**fail_in_parallel(), "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": -1}], "End": True}), aws=INV,
     note="AWS: MaxAttempts is a non-negative integer")
case("validate/backoff-below-one", one({**fail_in_parallel(), "Retry": [{"ErrorEquals": ["Boom"], "BackoffRate": 0.5}], "End": True}), aws=INV,
     note="AWS: BackoffRate is at least 1.0")

# ---------------------------------------------------------------- JSONata (the oracle has no JSONata engine)
def jcase(name, definition, input, expected, note):
    case("jsonata/" + name, dict(definition, QueryLanguage="JSONata"), input, aws=expected, jsonata=True, note=note)


OK = lambda out: {"status": "SUCCEEDED", "output": out}  # noqa: E731
jcase("output-expression", one({"Type": "Pass", "Output": "{% $states.input.a + 1 %}", "End": True}), {"a": 1}, OK(2),
      "Pass Output: the value of the expression is the state output")
jcase("output-template", one({"Type": "Pass", "Output": {"sum": "{% $states.input.a + $states.input.b %}", "lit": "x", "arr": ["{% $states.input.a %}"]}, "End": True}), {"a": 1, "b": 2},
      OK({"sum": 3, "lit": "x", "arr": [1]}), "JSONata templates evaluate every {% %} string at any depth")
jcase("pass-no-output", one({"Type": "Pass", "End": True}), {"a": 1}, OK({"a": 1}), "without Output a Pass state passes its input")
jcase("assign-then-read", chain({"Type": "Pass", "Assign": {"x": "{% $states.input.a * 10 %}"}}, {"Type": "Pass", "Output": "{% $x %}"}), {"a": 4}, OK(40),
      "variables assigned in one state are readable as $name in the next")
jcase("assign-sees-old-values", chain({"Type": "Pass", "Assign": {"a": 1}}, {"Type": "Pass", "Assign": {"a": 2, "b": "{% $a %}"}, "Output": "{% $a %}"}, {"Type": "Pass", "Output": {"a": "{% $a %}", "b": "{% $b %}"}}), {},
      OK({"a": 2, "b": 1}), "Assign and Output both read variables as they were before the state")
jcase("choice-condition", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n > 3 %}", "Next": "Big"}], "Default": "Small"},
                                                   "Big": {"Type": "Pass", "Output": "big", "End": True}, "Small": {"Type": "Pass", "Output": "small", "End": True}}}, {"n": 5}, OK("big"),
      "Choice Condition is a JSONata boolean")
jcase("choice-output", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% true %}", "Next": "E", "Output": {"via": "rule"}}], "Default": "E"},
                                                "E": {"Type": "Succeed"}}}, {"n": 1}, OK({"via": "rule"}), "a Choice rule's Output becomes the state output")
jcase("condition-not-boolean", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% 'yes' %}", "Next": "E"}]}, "E": {"Type": "Succeed"}}}, {},
      {"status": "FAILED", "error": "States.QueryEvaluationError"}, "a Condition that is not a boolean is States.QueryEvaluationError")
jcase("undefined-output", one({"Type": "Pass", "Output": "{% $states.input.missing %}", "End": True}), {"a": 1},
      {"status": "FAILED", "error": "States.QueryEvaluationError"}, "an expression that evaluates to nothing in a field is States.QueryEvaluationError")
jcase("context-input", one({"Type": "Pass", "Output": "{% $states.context.Execution.Input.a %}", "End": True}), {"a": "ctx"}, OK("ctx"),
      "$states.context is the context object")
jcase("context-state-name", one({"Type": "Pass", "Output": "{% $states.context.State.Name %}", "End": True}), {}, OK("S"), "$states.context.State.Name")
jcase("fail-error-cause", one({"Type": "Fail", "Error": "{% 'E' & $states.input.n %}", "Cause": "{% 'because ' & $states.input.why %}"}), {"n": 1, "why": "x"},
      {"status": "FAILED", "error": "E1", "cause": "because x"}, "Fail Error and Cause take JSONata")
jcase("map-items", one({"Type": "Map", "Items": "{% $states.input.list %}", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "I", "States": {"I": {"Type": "Pass", "Output": "{% $states.input * 2 %}", "End": True}}}, "End": True}),
      {"list": [1, 2, 3]}, OK([2, 4, 6]), "Map Items takes a JSONata array")
jcase("map-item-selector", one({"Type": "Map", "Items": [10, 20], "ItemSelector": {"i": "{% $states.context.Map.Item.Index %}", "v": "{% $states.context.Map.Item.Value %}"}, "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}, "End": True}),
      {}, OK([{"i": 0, "v": 10}, {"i": 1, "v": 20}]), "ItemSelector sees $states.context.Map.Item")
jcase("map-items-not-array", one({"Type": "Map", "Items": "{% $states.input.obj %}", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}, "End": True}), {"obj": {"a": 1}},
      {"status": "FAILED", "error": "States.QueryEvaluationError"}, "Items that is not an array is States.QueryEvaluationError")
jcase("parallel-output-result", one({"Type": "Parallel", "Branches": [one({"Type": "Pass", "Output": 1, "End": True}, "A"), one({"Type": "Pass", "Output": 2, "End": True}, "B")], "Output": "{% $sum($states.result) %}", "End": True}), {},
      OK(3), "Output of Parallel reads $states.result")
jcase("catch-error-output", {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [one({"Type": "Fail", "Error": "Boom", "Cause": "c"}, "F")], "End": True,
                                                               "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"e": "{% $states.errorOutput.Error %}", "c": "{% $states.errorOutput.Cause %}", "in": "{% $states.input.a %}"}, "Next": "H"}]},
                                                         "H": {"Type": "Pass", "End": True}}}, {"a": 1},
      OK({"e": "Boom", "c": "c", "in": 1}), "Catch Output reads $states.errorOutput and $states.input")
jcase("catch-default-output", {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [one({"Type": "Fail", "Error": "Boom", "Cause": "c"}, "F")], "End": True,
                                                                 "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}]},
                                                           "H": {"Type": "Pass", "End": True}}}, {"a": 1},
      OK({"Error": "Boom", "Cause": "c"}), "without Output a JSONata Catch passes the error output")
jcase("partition", one({"Type": "Pass", "Output": "{% $partition([1,2,3,4,5], 2) %}", "End": True}), {}, OK([[1, 2], [3, 4], [5]]), "$partition is Step Functions' JSONata function")
jcase("range", one({"Type": "Pass", "Output": "{% $range(0, 10, 3) %}", "End": True}), {}, OK([0, 3, 6, 9]), "$range(start, end, step) includes the end when reached")
jcase("parse", one({"Type": "Pass", "Output": "{% $parse('{\"a\":[1,2]}') %}", "End": True}), {}, OK({"a": [1, 2]}), "$parse reads a JSON string")
jcase("wait-seconds", one({"Type": "Wait", "Seconds": "{% $states.input.s %}", "End": True}), {"s": 0}, OK({"s": 0}), "Wait Seconds takes JSONata; the output is the input")
jcase("mixed-per-state", {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "Parameters": {"v.$": "$.a"}, "Next": "B"},
                                                    "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.v + 1 %}", "End": True}}}, {"a": 1}, OK(2),
      "a JSONPath machine can run one state in JSONata")
CASES[-1]["definition"].pop("QueryLanguage")
jcase("jsonpath-field-rejected", one({"Type": "Pass", "Parameters": {"a": 1}, "End": True}), {}, {"status": "INVALID_DEFINITION", "error": "InvalidDefinition"},
      "JSONata states do not take Parameters, InputPath, ResultPath, ResultSelector or OutputPath")
jcase("string-not-expression", one({"Type": "Pass", "Output": {"a": "plain {% not closed", "b": "{%1+1%}"}, "End": True}), {}, OK({"a": "plain {% not closed", "b": 2}),
      "only strings that begin with {% and end with %} are expressions")

# ---------------------------------------------------------------- more breadth
choice("context-variable", {"Variable": "$$.Execution.Input.flag", "BooleanEquals": True}, {"flag": True})
choice("string-matches-several-stars", {"Variable": "$.s", "StringMatches": "*a*b*"}, {"s": "xxaYYbZZ"})
choice("string-matches-empty-star", {"Variable": "$.s", "StringMatches": "abc*"}, {"s": "abc"})
choice("numeric-equals-path-missing-type", {"Variable": "$.n", "NumericEqualsPath": "$.m"}, {"n": 1, "m": "1"})
choice("string-equals-empty", {"Variable": "$.s", "StringEquals": ""}, {"s": ""})
choice("is-null-missing", {"Variable": "$.x", "IsNull": False}, {"x": 1})
choice("timestamp-equals-path", {"Variable": "$.t", "TimestampEqualsPath": "$.u"}, {"t": "2020-05-05T10:00:00Z", "u": "2020-05-05T10:00:00Z"})
choice("and-single", {"And": [{"Variable": "$.a", "IsString": True}]}, {"a": "s"})
case("validate/pass-resultselector", one({"Type": "Pass", "ResultSelector": {"a": 1}, "End": True}))
case("validate/fail-cause-and-causepath", one({"Type": "Fail", "Cause": "c", "CausePath": "$.c"}))
case("validate/parameters-bad-path", one({"Type": "Pass", "Parameters": {"a.$": "nope"}, "End": True}))
case("validate/choice-default-unknown", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": True, "Next": "E"}], "Default": "X"}, "E": {"Type": "Succeed"}}})
case("validate/catch-next-unknown", one({**fail_in_parallel(), "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "X"}], "End": True}))
case("validate/branch-next-outside", one({"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "S"}}}], "End": True}))
case("io/parameters-intrinsic-and-static-nested", one({"Type": "Pass", "Parameters": {"o": {"len.$": "States.ArrayLength($.a)", "k": [1, {"n.$": "$.a[0]"}]}}, "End": True}), {"a": [7, 8]})
case("io/outputpath-context", one({"Type": "Pass", "OutputPath": "$$.Execution.Input", "Result": 1, "End": True}), {"orig": True})
case("io/resultpath-context-rejected", one({"Type": "Pass", "ResultPath": "$$.Execution", "End": True}), {"a": 1},
     aws={"status": "INVALID_DEFINITION", "error": "InvalidDefinition"}, note="AWS: ResultPath is a Reference Path on the state input; it cannot name the context object")
case("parallel/catch-resultpath", {"StartAt": "P", "States": {"P": {**fail_in_parallel(), "Catch": [{"ErrorEquals": ["Boom"], "ResultPath": "$.error", "Next": "H"}], "End": True},
                                                              "H": {"Type": "Pass", "OutputPath": "$.error.Error", "End": True}}}, {"x": 1})
case("parallel/three-branches-order", one({"Type": "Parallel", "End": True, "Branches": [one({"Type": "Pass", "Result": i, "End": True}, f"B{i}") for i in range(3)]}))
case("map/items-path-context", mapstate({"ItemsPath": "$$.Execution.Input.list"}), {"list": ["p", "q"]})
case("map/item-selector-nested-map-index", mapstate({"ItemsPath": "$.rows", "ItemSelector": {"row.$": "$$.Map.Item.Value", "ri.$": "$$.Map.Item.Index"}},
                                                     {"Inner": {"Type": "Map", "ItemsPath": "$.row", "ItemSelector": {"ri.$": "$.ri", "ci.$": "$$.Map.Item.Index"},
                                                                "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": True}}}, "End": True}}, start="Inner"),
     {"rows": [["a", "b"], ["c"]]})
case("wait/timestamp-path-offset", one({"Type": "Wait", "TimestampPath": "$.t", "End": True}), {"t": "2016-03-14T01:59:00+01:00"})
case("fail/cause-path-intrinsic-format", one({"Type": "Fail", "Error": "E", "CausePath": "States.Format('bad {} of {}', $.a, $.b)"}), {"a": 1, "b": "x"}, cause=True)
intrinsic("format/unicode", "States.Format('{} ✓', $.s)", {"s": "é"})
intrinsic("hash/empty", "States.Hash($.s, 'MD5')", {"s": ""})
intrinsic("stringtojson/nested-escapes", "States.StringToJson($.s)", {"s": "{\"a\":\"q\\\"x\",\"b\":{\"c\":[]}}"})
intrinsic("jsontostring-roundtrip", "States.StringToJson(States.JsonToString($.o))", {"o": {"a": [1, {"b": None}]}})
intrinsic("arraycontains/null", "States.ArrayContains($.a, $.v)", {"a": [1, None], "v": None})
intrinsic("mathadd/negative-decimal", "States.MathAdd($.a, 0)", {"a": -1.4})
intrinsic("mathadd/variable-literal-mix", "States.MathAdd(States.ArrayLength($.a), 10)", {"a": [1, 2]})
intrinsic("arraypartition/strings", "States.ArrayPartition($.a, 2)", {"a": ["a", "b", "c"]})
intrinsic("arrayrange/negative-start", "States.ArrayRange(-3, 3, 3)")
intrinsic("base64-roundtrip", "States.Base64Decode(States.Base64Encode($.s))", {"s": "round trip"})
jcase("arguments-parallel", one({"Type": "Parallel", "Arguments": {"v": "{% $states.input.a %}"}, "Branches": [one({"Type": "Pass", "Output": "{% $states.input.v * 2 %}", "End": True}, "A")], "End": True}),
      {"a": 4}, OK([8]), "Parallel Arguments is the input each branch receives")
jcase("assign-result", one({"Type": "Parallel", "Branches": [one({"Type": "Pass", "Output": 5, "End": True}, "A")], "Assign": {"r": "{% $states.result[0] %}"}, "Output": "{% $states.input %}", "End": True}),
      {"in": 1}, OK({"in": 1}), "Assign may read $states.result")
jcase("catch-assign", {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [one({"Type": "Fail", "Error": "Boom", "Cause": "c"}, "F")], "End": True,
                                                         "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err": "{% $states.errorOutput.Error %}"}, "Next": "H"}]},
                                                   "H": {"Type": "Pass", "Output": "{% $err %}", "End": True}}}, {}, OK("Boom"), "a Catcher's Assign reads $states.errorOutput")
jcase("map-item-selector-input", one({"Type": "Map", "Items": "{% $states.input.xs %}", "ItemSelector": {"x": "{% $states.context.Map.Item.Value %}", "k": "{% $states.input.k %}"},
                                      "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": True}}}, "End": True}),
      {"xs": [1], "k": "K"}, OK([{"x": 1, "k": "K"}]), "ItemSelector reads the state input as $states.input")
jcase("choice-default-no-match", {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% false %}", "Next": "E"}]}, "E": {"Type": "Succeed"}}}, {},
      {"status": "FAILED", "error": "States.NoChoiceMatched"}, "no rule true and no Default is States.NoChoiceMatched")
jcase("fail-error-not-string", one({"Type": "Fail", "Error": "{% 5 %}", "Cause": "c"}), {},
      {"status": "FAILED", "error": "States.QueryEvaluationError"}, "Fail Error must evaluate to a string")
jcase("wait-seconds-negative", one({"Type": "Wait", "Seconds": "{% -1 %}", "End": True}), {},
      {"status": "FAILED", "error": "States.QueryEvaluationError"}, "Wait Seconds must evaluate to a non-negative integer")

# ---------------------------------------------------------------- parsing corners
intrinsic("literal-with-comma", "States.Format('{}', 'a, (b)')")
intrinsic("nested-array", "States.Array(States.Array(1, 2), States.ArrayLength($.a))", {"a": [1]})
intrinsic("spaces-around-args", "States.Format( '{}-{}' ,  $.a ,'b' )", {"a": 1})
intrinsic("partition-of-range", "States.ArrayPartition(States.ArrayRange(1, 5, 1), 2)")
intrinsic("contains-of-split", "States.ArrayContains(States.StringSplit($.s, ','), 'b')", {"s": "a,b,c"})
intrinsic("unique-of-array", "States.ArrayUnique(States.Array(1, 1, 2))")
intrinsic("hash-of-format", "States.Hash(States.Format('{}', $.a), 'SHA-1')", {"a": "x"})
path("quoted-key-with-space", "$['a b']", {"a b": 1})
path("quoted-key-with-dot", "$['a.b']", {"a.b": 2, "a": {"b": 3}})
path("hyphen-key", "$.a-b", {"a-b": 4})
path("nested-index", "$.m[1][0]", {"m": [[1], [2, 3]]})
path("filter-and", "$.items[?(@.p > 1 && @.p < 20)].n", DOC)
case("io/result-keeps-dollar-keys", one({"Type": "Pass", "Result": {"a.$": "$.x"}, "End": True}), {"x": 1})
case("io/outputpath-index", one({"Type": "Pass", "OutputPath": "$.a[0]", "End": True}), {"a": [{"k": 1}, 2]})
case("io/resultpath-root-with-result", one({"Type": "Pass", "Result": [1], "ResultPath": "$", "End": True}), {"a": 1})
case("io/parameters-dollar-key-non-string", one({"Type": "Pass", "Parameters": {"a.$": 1}, "End": True}))
case("io/parallel-inputpath", one({"Type": "Parallel", "InputPath": "$.in", "Branches": [one({"Type": "Pass", "End": True}, "A")], "End": True}), {"in": {"v": 1}, "out": 2})
choice("string-equals-context-path", {"Variable": "$.s", "StringEqualsPath": "$$.Execution.Input.t"}, {"s": "x", "t": "x"})
choice("numeric-large", {"Variable": "$.n", "NumericGreaterThan": 9007199254740991}, {"n": 9007199254740993})
choice("string-compare-unicode", {"Variable": "$.s", "StringLessThan": "b"}, {"s": "á"})

case("wait/seconds-path-float", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"s": 1.5}, cause=True)
case("wait/seconds-path-zero", one({"Type": "Wait", "SecondsPath": "$.s", "End": True}), {"s": 0})
case("wait/timestamp-fraction", one({"Type": "Wait", "Timestamp": "2016-03-14T01:59:00.123Z", "End": True}), {"a": 1})
case("wait/then-pass", chain({"Type": "Wait", "Seconds": 1}, {"Type": "Pass", "Result": "after"}), {"a": 1})
case("catch/retry-backoff-then-catch", {"StartAt": "P", "States": {"P": {**fail_in_parallel(), "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 1.5}],
                                                                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "H"}], "End": True},
                                                              "H": {"Type": "Pass", "OutputPath": "$.err", "End": True}}}, {"in": 1})
case("catch/retry-other-error-not-retried", {"StartAt": "P", "States": {"P": {**fail_in_parallel(), "Retry": [{"ErrorEquals": ["Other"], "MaxAttempts": 5}],
                                                                         "Catch": [{"ErrorEquals": ["Boom"], "Next": "H"}], "End": True},
                                                                   "H": {"Type": "Pass", "End": True}}}, {"in": 1})
case("catch/second-catcher-matches", {"StartAt": "P", "States": {"P": {**fail_in_parallel(), "Catch": [{"ErrorEquals": ["A", "B"], "Next": "X"}, {"ErrorEquals": ["C", "Boom"], "ResultPath": "$.e", "Next": "H"}], "End": True},
                                                               "X": {"Type": "Pass", "Result": "x", "End": True}, "H": {"Type": "Pass", "End": True}}}, {"in": 1})
case("map/catch-in-iteration", mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Parallel", "Branches": [one({"Type": "Fail", "Error": "E", "Cause": "c"}, "F")],
                                                                          "Catch": [{"ErrorEquals": ["E"], "ResultPath": "$.caught", "Next": "D"}], "End": True},
                                                                    "D": {"Type": "Pass", "End": True}}), {"items": [{"n": 1}]})

# ---------------------------------------------------------------- context object
for field in ["Execution.Id", "Execution.Name", "Execution.RoleArn", "StateMachine.Id", "StateMachine.Name", "Execution.Input", "State.Name"]:
    case("context/" + field, one({"Type": "Pass", "Parameters": {"v.$": "$$." + field}, "End": True}), {"k": "v"})
case("context/in-branch", one({"Type": "Parallel", "Branches": [one({"Type": "Pass", "Parameters": {"sm.$": "$$.StateMachine.Name", "st.$": "$$.State.Name"}, "End": True}, "B")], "End": True}))
case("context/in-iteration-item-selector", mapstate({"ItemsPath": "$.items", "ItemSelector": {"name.$": "$$.Execution.Name", "st.$": "$$.State.Name", "v.$": "$$.Map.Item.Value"}}), {"items": ["a"]})
case("context/intrinsic", one({"Type": "Pass", "Parameters": {"v.$": "States.Format('{}/{}', $$.StateMachine.Name, $$.Execution.Name)"}, "End": True}))

# ---------------------------------------------------------------- more corners
choice("string-matches-dot-literal", {"Variable": "$.s", "StringMatches": "a.b"}, {"s": "axb"})
choice("string-matches-question-literal", {"Variable": "$.s", "StringMatches": "a?b"}, {"s": "a?b"})
choice("string-matches-brackets-literal", {"Variable": "$.s", "StringMatches": "[ab]*"}, {"s": "[ab]zz"})
choice("string-matches-only-star", {"Variable": "$.s", "StringMatches": "*"}, {"s": ""})
choice("string-matches-on-number", {"Variable": "$.s", "StringMatches": "1*"}, {"s": 12})
choice("timestamp-equals-millis", {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z"}, {"t": "2016-03-14T01:59:00.000Z"})
choice("is-timestamp-no-zone", {"Variable": "$.x", "IsTimestamp": True}, {"x": "2016-03-14T01:59:00"})
choice("numeric-equals-large-decimal", {"Variable": "$.n", "NumericEquals": 12345678.123456}, {"n": 12345678.123456})
choice("boolean-and-is-present", {"And": [{"Variable": "$.a", "IsPresent": True}, {"Variable": "$.a", "IsNull": False}, {"Variable": "$.a", "IsBoolean": True}, {"Variable": "$.a", "BooleanEquals": True}]}, {"a": True})
case("io/result-selector-path-missing", one({"Type": "Parallel", "Branches": [one({"Type": "Pass", "Result": {"a": 1}, "End": True}, "B")],
                                             "ResultSelector": {"x.$": "$.nope"}, "End": True}), {})
case("io/item-selector-path-missing", mapstate({"ItemsPath": "$.items", "ItemSelector": {"x.$": "$.nope"}}), {"items": [1]})
case("io/outputpath-after-resultpath", one({"Type": "Pass", "Result": {"r": 1}, "ResultPath": "$.res", "OutputPath": "$.res.r", "End": True}), {"a": 1})
case("succeed/outputpath-missing", one({"Type": "Succeed", "OutputPath": "$.nope"}), {"a": 1}, cause=True)
case("parallel/resultpath-null", one({"Type": "Parallel", "Branches": P2, "ResultPath": None, "End": True}), {"x": "in"})
intrinsic("base64encode/over-limit", "States.Base64Encode($.s)", {"s": "a" * 10001},
          aws=intrinsic_failure(), note="AWS documents at most 10,000 characters of input to States.Base64Encode")
intrinsic("base64encode/at-limit-length", "States.ArrayLength(States.StringSplit(States.Base64Encode($.s), '='))", {"s": "ab" * 10})
intrinsic("stringsplit/delimiter-longer", "States.StringSplit($.s, $.d)", {"s": "a-b_c", "d": "-_"})
intrinsic("arraycontains/nested-array", "States.ArrayContains($.a, $.v)", {"a": [[1, 2], [3]], "v": [3]})
intrinsic("jsonmerge/empty", "States.JsonMerge($.a, $.b, false)", {"a": {}, "b": {"x": 1}})
intrinsic("format/escaped-quote-literal-arg", r"States.Format('{} says {}', 'it\'s', $.x)", {"x": "hi"},
          aws={"status": "SUCCEEDED", "output": {"r": "it's says hi"}}, note="AWS documents \\' as a literal quote in intrinsic strings")

# ---------------------------------------------------------------- payload limits
BIG = "x" * 300
case("limits/map-output-over-256k", mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Pass", "Result": BIG, "End": True}}),
     {"items": list(range(1000))})
case("limits/data-limit-not-caught-by-all", {"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Branches": [mapstate({"ItemsPath": "$.items"}, {"I": {"Type": "Pass", "Result": BIG, "End": True}})],
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": True},
    "H": {"Type": "Pass", "End": True}}}, {"items": list(range(1000))})
case("limits/map-output-under-256k", mapstate({"ItemsPath": "$.items", "ResultSelector": {"n.$": "States.ArrayLength($)"}}, {"I": {"Type": "Pass", "Result": "x" * 200, "End": True}}),
     {"items": list(range(1000))})

# ---------------------------------------------------------------- where AWS's documentation wins over the oracle


def aws(name, expected, note):
    [c] = [c for c in CASES if c["name"] == name]
    c["aws"] = expected
    c["note"] = note


def ok(output):
    return {"status": "SUCCEEDED", "output": output}


INTRINSIC_NOTE = ("AWS documents States.IntrinsicFailure for an intrinsic function that fails to evaluate; "
                  "the oracle reports every evaluation error as States.Runtime")
for name in ["arraygetitem/out-of-range", "arraylength/not-array", "arraypartition/negative", "arraypartition/zero",
             "arrayrange/step-zero", "base64decode/invalid", "base64encode/not-string", "format/too-few-args",
             "hash/bad-algorithm", "jsonmerge/not-object", "mathadd/string", "stringtojson/invalid", "stringtojson/not-string"]:
    aws("intrinsic/" + name, intrinsic_failure(), INTRINSIC_NOTE)
aws("intrinsic/arraygetitem/negative", intrinsic_failure(),
    "AWS takes a zero-based index into the array; the oracle reads -1 as Python's last item")
aws("intrinsic/format/escaped-quote", ok({"r": "it's ok"}), "AWS documents \\' as a literal quote in intrinsic strings")
aws("intrinsic/arrayunique/mixed", ok({"r": ["a", 1, {"x": 1}, None, True]}),
    "AWS removes duplicate values of any JSON type; the oracle cannot hash objects")
aws("io/parameters-context", ok({"input": {"a": 1}, "state": "S", "retry": 0}),
    "AWS's context object has State.RetryCount (0 outside a retry) in every state; the oracle lacks it for Pass")
for name, path_, input_ in [("io/resultpath-on-string-input", "$.a", "text"), ("io/resultpath-into-array-input", "$.a", [1, 2]),
                            ("io/resultpath-through-scalar", "$.a.b", {"a": 1})]:
    aws(name, {"status": "FAILED", "error": "States.ResultPathMatchFailure"},
        "AWS documents States.ResultPathMatchFailure when ResultPath cannot be applied to the input")
JAYWAY = "AWS evaluates paths with Jayway JsonPath: a definite path yields the value, an indefinite one an array (possibly empty)"
aws("jsonpath/index", ok({"r": "b"}), JAYWAY)
aws("jsonpath/negative-index", ok({"r": "c"}), JAYWAY)
aws("jsonpath/object-wildcard", ok({"r": [1]}), JAYWAY)
aws("jsonpath/filter-empty", ok({"r": []}), JAYWAY)
aws("choice/string-matches-escaped-star", ok("yes"), "AWS documents \\* in StringMatches as a literal asterisk")
TS = ("AWS documents timestamps as RFC3339 with an uppercase T and either Z or a numeric offset, compared as instants; "
      "the oracle rejects offsets and drops fractions of a second")
aws("choice/timestamp-equals-offsets", ok("yes"), TS)
aws("choice/is-timestamp-offset", ok("yes"), TS)
aws("choice/timestamp-greater-than-fraction", ok("yes"), TS)
aws("choice/variable-missing", runtime(),
    "AWS fails the Choice state with States.Runtime when a rule's Variable path is not in the input (use IsPresent first); the oracle treats it as no match")
aws("choice/no-match-no-default", {"status": "FAILED", "error": "States.NoChoiceMatched"},
    "AWS documents States.NoChoiceMatched when no rule matches and there is no Default")
VALIDATE = "AWS validates transitions and reachability at CreateStateMachine; the oracle only fails when it runs the machine"
for name in ["validate/startat-unknown", "validate/next-unknown", "validate/no-end-no-next", "validate/unreachable-state"]:
    aws(name, INV, VALIDATE)
DMAP = ("AWS documents that a Distributed Map whose failed items exceed ToleratedFailureCount/Percentage (default 0) fails "
        "with States.ExceedToleratedFailureThreshold; the oracle's Distributed Map ignores failures and cannot parse ItemBatcher")
aws("map/tolerated-count-ok", ok({"n": 3}), DMAP)
aws("map/tolerated-count-exceeded", {"status": "FAILED", "error": "States.ExceedToleratedFailureThreshold"}, DMAP)
aws("map/tolerated-percentage-ok", ok({"n": 4}), DMAP)
aws("map/tolerated-percentage-exceeded", {"status": "FAILED", "error": "States.ExceedToleratedFailureThreshold"}, DMAP)
aws("map/batcher-items", ok([{"Items": [1, 2]}, {"Items": [3, 4]}, {"Items": [5]}]),
    "AWS documents each batch as {\"Items\": [...]} (plus BatchInput when given)")
aws("map/batcher-batch-input", ok([{"BatchInput": {"k": "v"}, "Items": [1, 2]}, {"BatchInput": {"k": "v"}, "Items": [3]}]),
    "AWS documents each batch as {\"BatchInput\": ..., \"Items\": [...]}")
aws("map/batcher-item-selector", ok([{"Items": [{"i": 0}, {"i": 1}]}]), "AWS applies ItemSelector to each item before batching")
case("map/distributed-fails", dmap({"ItemsPath": "$.items"}, FAIL_ON_NEG), {"items": [1, -1]},
     aws={"status": "FAILED", "error": "States.ExceedToleratedFailureThreshold"}, note=DMAP)
VARS = "AWS documents Assign and $name variables; the oracle fails every variable reference"
aws("vars/pass-assign-then-read", ok({"x": 1, "y": "A"}), VARS)
aws("vars/assign-reads-result", ok({"v": 1}), VARS + "; in a JSONPath Pass state Assign reads the state's result")
aws("vars/assign-same-state-old-value", ok({"a": 2, "b": 1}), VARS + "; all assignments of a state read the values from before it")
aws("vars/path-into-variable", ok({"x": 2}), VARS)
aws("vars/intrinsic-with-variable", ok({"x": 5}), VARS)
aws("vars/map-reads-outer", ok([{"o": "o", "v": 1}, {"o": "o", "v": 2}]), VARS + "; iterations read outer variables")
aws("vars/choice-assign", ok({"b": "rule"}), VARS + "; the matching rule's Assign applies")
aws("vars/choice-default-assign", ok({"b": "default"}), VARS + "; the state's Assign applies when Default is taken")
aws("vars/catch-assign", ok({"e": "Boom"}), VARS + "; a Catcher's Assign reads the error output")
aws("vars/parallel-result-assign", ok({"f": 1}), VARS + "; Assign reads the state's result")
aws("vars/inner-assign-not-visible-outside", runtime(), VARS + "; variables assigned in a branch are not visible after it")
aws("vars/undefined", runtime(), VARS + "; an unassigned variable is States.Runtime")
LIMIT = "AWS documents States.DataLimitExceeded for a state output over 256 KiB, which States.ALL does not catch"
aws("limits/map-output-over-256k", {"status": "FAILED", "error": "States.DataLimitExceeded"}, LIMIT)
aws("limits/data-limit-not-caught-by-all", {"status": "FAILED", "error": "States.DataLimitExceeded"}, LIMIT)
aws("io/parameters-path-missing", {"status": "FAILED", "error": "States.Runtime",
                                   "cause": "An error occurred while executing the state 'S' (entered at the event id #2). "
                                            "The JSONPath '$.nope' specified for the field 'p.$' could not be found in the input '{\"a\":1}'"},
    "AWS prints the input as compact JSON (Jackson) in this message; the oracle prints Python's json.dumps form with spaces")
for name in ["validate/branch-next-outside", "validate/catch-next-unknown", "validate/choice-default-unknown",
             "validate/parameters-bad-path", "validate/pass-resultselector"]:
    aws(name, INV, VALIDATE)
aws("intrinsic/format/unicode", ok({"r": "é ✓"}),
    "AWS copies non-ASCII characters through; the oracle re-reads the \\u escape of the definition's JSON as an intrinsic escape")
aws("wait/timestamp-path-offset", ok({"t": "2016-03-14T01:59:00+01:00"}),
    "AWS documents Wait timestamps as RFC3339 with Z or a numeric offset; the oracle rejects offsets")
aws("limits/map-output-over-256k", {"status": "FAILED", "error": "States.DataLimitExceeded",
                                   "cause": "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit."}, LIMIT)
COMPACT = "AWS prints the input as compact JSON (Jackson) in this message; the oracle prints Python's json.dumps form with spaces"
aws("fail/error-path-missing", runtime(cause="An error occurred while executing the state 'S' (entered at the event id #2). "
                                             "The JSONPath '$.e' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'"), COMPACT)
aws("jsonpath/filter-and", ok({"r": ["a", "b"]}), JAYWAY + "; Jayway filters take && and ||, which the oracle's parser cannot read")
aws("choice/string-equals-context-path", ok("yes"),
    "AWS accepts a context-object path ($$.) wherever a Path comparison takes a path; the oracle cannot parse it there")
aws("io/parameters-dollar-key-non-string", INV,
    "AWS rejects a field ending in .$ whose value is not a string (SCHEMA_VALIDATION_FAILED) at creation")
aws("choice/timestamp-equals-millis", ok("yes"), TS)
aws("choice/string-matches-brackets-literal", ok("yes"),
    "AWS documents * as the only wildcard of StringMatches, so brackets are literal; the oracle reads them as a character class")
