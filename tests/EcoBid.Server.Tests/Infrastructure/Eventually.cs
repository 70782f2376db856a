namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>For state the runtime's activity does not announce (the email loop's marks): polls, bounded, then fails.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, double seconds = 15, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {seconds} s{(what is null ? "." : ": " + what)}");
            }

            await Task.Delay(25);
        }
    }
}
