namespace EcoBid.Bench;

/// <summary>A fresh, empty directory for one run's database; removed afterwards unless asked to keep it.</summary>
internal sealed class DataDirectory : IDisposable
{
    private readonly bool _keep;

    public DataDirectory(BenchOptions options, string name)
    {
        var parent = options.Directory ?? System.IO.Path.GetTempPath();
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(parent, $"ecobid-bench-{name}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(Path);
        _keep = options.Keep;
    }

    public string Path { get; }

    public void Dispose()
    {
        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: leave the directory, the run's figures are unaffected.
        }
    }
}
