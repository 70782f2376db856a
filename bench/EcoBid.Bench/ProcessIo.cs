namespace EcoBid.Bench;

/// <summary>Bytes this process has handed to write system calls (Linux <c>/proc/self/io</c>, <c>wchar</c>): here, the WAL and checkpoints.</summary>
internal static class ProcessIo
{
    public static long WrittenBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("wchar:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return -1;
    }
}
