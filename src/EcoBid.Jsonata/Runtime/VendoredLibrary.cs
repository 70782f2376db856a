using Acornima.Ast;
using Jint;

namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// The vendored jsonata.js (see Vendor/README.md), parsed once per process and shared by every engine, plus the
/// few lines of host environment it expects from Node.
/// </summary>
internal static class VendoredLibrary
{
    private const string ResourceName = "EcoBid.Jsonata.Vendor.jsonata.js";

    /// <summary>
    /// Node globals the library touches: <c>global</c> (where the UMD wrapper puts <c>jsonata</c>) and
    /// <c>global.Buffer.from</c> for base64, which is called with <c>new</c> and so must be an ordinary function.
    /// </summary>
    private const string Prelude = """
        var global = globalThis;
        function __ecobid_withParameters(host, name, parameters) {
            var wrapper = new Function('host', 'return function ' + name + '(' + parameters.join(', ') + ') { return host.apply(this, arguments); };');
            return wrapper(host);
        }
        global.Buffer = {
            from: function (text, encoding) {
                return {
                    toString: function () {
                        return encoding === 'binary' ? __ecobid_binaryToBase64(text) : __ecobid_base64ToBinary(text);
                    }
                };
            }
        };
        """;

    /// <summary>
    /// JSONata reads a built-in's parameter names from <c>Function.prototype.toString()</c> to partially apply it
    /// (<c>$substring(?, 0, 3)</c>), so the source text of functions must be kept.
    /// </summary>
    private static readonly ScriptPreparationOptions Preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { RetainFunctionSourceText = true },
    };

    private static readonly Lazy<Prepared<Script>> LazyPrelude = new(() => Engine.PrepareScript(Prelude, "prelude.js", options: Preparation));
    private static readonly Lazy<Prepared<Script>> LazyLibrary = new(() => Engine.PrepareScript(ReadLibrary(), "jsonata.js", options: Preparation));

    public static Prepared<Script> PreludeScript => LazyPrelude.Value;

    public static Prepared<Script> LibraryScript => LazyLibrary.Value;

    private static string ReadLibrary()
    {
        using var stream = typeof(VendoredLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource missing: " + ResourceName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
