namespace EcoBid.Server.Tests.Infrastructure;

public static class MailFolder
{
    /// <summary>Waits (bounded) for an email to <paramref name="to"/> whose text contains <paramref name="contains"/>, and returns it.</summary>
    public static async Task<string> WaitForAsync(string folder, string to, string contains, double seconds = 15)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {to}\r\n", StringComparison.OrdinalIgnoreCase) && text.Contains(contains, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No email to {to} containing '{contains}' in {folder}.");
            }

            await Task.Delay(25);
        }
    }
}
