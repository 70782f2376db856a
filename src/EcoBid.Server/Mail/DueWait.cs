namespace EcoBid.Server.Mail;

/// <summary>How long a delivery loop sleeps: until its next due email, at most the idle re-check, never negative.</summary>
internal static class DueWait
{
    public static TimeSpan Until(long? dueAtMilliseconds, TimeSpan idle, TimeProvider clock)
    {
        if (dueAtMilliseconds is not { } due)
        {
            return idle;
        }

        var wait = DateTimeOffset.FromUnixTimeMilliseconds(due) - clock.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < idle ? wait : idle;
    }
}
