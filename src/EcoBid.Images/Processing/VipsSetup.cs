using NetVips;

namespace EcoBid.Images.Processing;

/// <summary>
/// Process-wide libvips settings, applied once before the first image: only the loaders of accepted formats may run
/// (every other loader, and every operation libvips marks untrusted, is blocked), no operation cache, and one
/// worker thread per image pipeline. libvips' warnings are not printed.
/// </summary>
internal static class VipsSetup
{
    // Loader classes; unblocking a class unblocks its file, buffer and source variants.
    private static readonly string[] AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif"];

    // Hostile uploads make libvips warn on stderr; the failures that matter reach the pipeline as exceptions.
    private static readonly Log.LogDelegate IgnoreWarning = (_, _, _) => { };

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    internal static void EnsureApplied() => _ = Applied.Value;

    private static bool Apply()
    {
        NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in AllowedLoaders)
            Operation.Block(loader, false);
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
        NetVips.NetVips.Concurrency = 1;
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, IgnoreWarning);
        return true;
    }
}
