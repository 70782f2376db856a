using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// One Jint engine with jsonata.js loaded and its own cache of compiled expressions. Used by one thread at a time
/// (the pool sees to that). After a failure that interrupts the interpreter itself (deadline, memory, native stack)
/// it reports itself unhealthy and the pool throws it away rather than trust its state.
/// </summary>
internal sealed class JintJsonata : IDisposable
{
    private readonly Engine _engine;
    private readonly OperationDeadlineConstraint _deadline = new();
    private readonly EngineSettings _settings;
    private readonly JsValue _jsonata;
    private readonly JsValue _compileOptions;
    private readonly KeyValuePair<string, JsValue>[] _functions;
    private readonly ExpressionCache<ObjectInstance> _compiled;

    public JintJsonata(EngineSettings settings)
    {
        _settings = settings;
        _engine = new Engine(options =>
        {
            options.Constraint(_deadline);
            if (settings.MemoryLimitBytes is { } bytes)
            {
                options.LimitMemory(bytes);
            }

            options.Constraints.StackOverflowGuard = true;
            options.RetainFunctionSourceText(true);
            options.Constraints.RegexTimeout = settings.Timeout;
            options.Constraints.PromiseTimeout = settings.Backstop;
            options.TimeZone = TimeZoneInfo.Utc;
            options.Culture = CultureInfo.InvariantCulture;
        });

        _engine.SetValue("__ecobid_binaryToBase64", new Func<string, string>(NodeBase64.EncodeBinaryString));
        _engine.SetValue("__ecobid_base64ToBinary", new Func<string, string>(NodeBase64.DecodeToBinaryString));
        _engine.Execute(VendoredLibrary.PreludeScript);
        _engine.Execute(VendoredLibrary.LibraryScript);
        _jsonata = _engine.GetValue("jsonata");

        var compileOptions = new JsObject(_engine);
        compileOptions.CreateDataProperty("timeout", new JsNumber(Math.Max(1, (long)settings.Timeout.TotalMilliseconds)));
        if (settings.MaxRecursionDepth > 0)
        {
            compileOptions.CreateDataProperty("stack", new JsNumber(settings.MaxRecursionDepth));
        }

        _compileOptions = compileOptions;
        var withParameters = _engine.GetValue("__ecobid_withParameters");
        _functions = settings.Functions
            .Select(f => new KeyValuePair<string, JsValue>(f.Key, WithParameters(withParameters, f.Key, f.Value)))
            .ToArray();
        _compiled = new ExpressionCache<ObjectInstance>(settings.ExpressionCacheSize);
    }

    /// <summary>False once an evaluation was cut short inside the interpreter; such an engine is not reused.</summary>
    public bool IsHealthy { get; private set; } = true;

    internal int CachedExpressionCount => _compiled.Count;

    public void Validate(string expression) => Run(() => Compile(expression));

    public JsonataResult Evaluate(string expression, JsonataResult input, IReadOnlyDictionary<string, JsonNode?>? bindings) =>
        Run(() =>
        {
            var compiled = Compile(expression);
            var jsInput = input.IsDefined ? JsonToJs.Convert(_engine, input.Value) : JsValue.Undefined;
            var jsBindings = bindings is null ? JsValue.Undefined : ToBindings(bindings);
            var promise = _engine.Call(compiled.Get("evaluate"), compiled, [jsInput, jsBindings]);
            return JsToJson.Convert(promise.UnwrapIfPromise(_settings.Backstop));
        });

    public void Dispose() => _engine.Dispose();

    /// <summary>A JavaScript function with as many named parameters as the signature declares, calling the host function.</summary>
    private JsValue WithParameters(JsValue withParameters, string name, JsonataFunction function)
    {
        var parameters = Enumerable.Range(0, SignatureArity.Of(function.Signature)).Select(i => (JsValue)new JsString("arg" + i)).ToArray();
        var safeName = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
        return _engine.Call(
            withParameters,
            JsValue.Undefined,
            [HostFunctionAdapter.Create(_engine, name, function), new JsString("host_" + safeName), new JsArray(_engine, parameters)]);
    }

    private ObjectInstance Compile(string expression)
    {
        if (_compiled.TryGet(expression, out var cached))
        {
            return cached;
        }

        var compiled = (ObjectInstance)_engine.Call(_jsonata, JsValue.Undefined, [new JsString(expression), _compileOptions]);
        if (_functions.Length > 0)
        {
            var register = compiled.Get("registerFunction");
            foreach (var (name, function) in _functions)
            {
                var signature = _settings.Functions[name].Signature;
                _engine.Call(register, compiled, [new JsString(name), function, signature is null ? JsValue.Undefined : new JsString(signature)]);
            }
        }

        _compiled.Add(expression, compiled);
        return compiled;
    }

    private JsObject ToBindings(IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        var result = new JsObject(_engine);
        foreach (var (name, value) in bindings)
        {
            result.CreateDataProperty(EngineSettings.BareName(name), JsonToJs.Convert(_engine, value));
        }

        return result;
    }

    private T Run<T>(Func<T> work)
    {
        _deadline.Begin(_settings.Backstop, CancellationToken.None);
        try
        {
            return work();
        }
        catch (JsonataException)
        {
            throw;
        }
        catch (JavaScriptException ex)
        {
            throw JsErrors.ToException(ex.Error, ex);
        }
        catch (PromiseRejectedException ex)
        {
            throw JsErrors.ToException(ex.RejectedValue, ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            IsHealthy = false;
            throw new JsonataException(JsonataErrorCodes.MemoryLimit, $"Evaluation exceeded the memory limit of {_settings.MemoryLimitBytes} bytes", innerException: ex);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            IsHealthy = false;
            throw TimedOut(ex);
        }
        catch (Exception ex) when (ex is RecursionDepthOverflowException or InsufficientExecutionStackException)
        {
            IsHealthy = false;
            throw new JsonataException(JsonataErrorCodes.StackOverflow, JsErrors.StackOverflowMessage, innerException: ex);
        }
#pragma warning disable CA1031 // No exception type of the JavaScript engine may escape: the caller sees JsonataException only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            IsHealthy = false;
            throw new JsonataException(JsonataErrorCodes.HostError, ex.Message, innerException: ex);
        }
        finally
        {
            _deadline.End();
            if (!IsHealthy)
            {
                _engine.Advanced.ResetCallStack();
            }
        }
    }

    private JsonataException TimedOut(Exception cause) =>
        new(JsonataErrorCodes.Timeout, $"Evaluation timeout after {(long)_settings.Timeout.TotalMilliseconds} milliseconds. Check for infinite loop", innerException: cause);
}
