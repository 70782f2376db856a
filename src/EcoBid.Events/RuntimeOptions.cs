namespace EcoBid.Events;

/// <summary>Runtime settings (configuration section <c>Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>
    /// How long an idle loop waits before looking again when nothing woke it. Work from this process wakes loops at
    /// once; this only bounds how late work written by another process (a CLI verb, a second node) is noticed.
    /// </summary>
    public TimeSpan IdleRecheck { get; set; } = TimeSpan.FromSeconds(2);

    public int RelayBatchSize { get; set; } = 256;

    /// <summary>Start the relay, consumers and timers in this process (roles <c>worker</c> and <c>all</c>).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>
    /// How long a consumer remembers a processed message. It must exceed the longest a message can wait for a
    /// redelivery (backoff caps at minutes; a dead letter is redriven with a new receive count but the same key, so
    /// keep this longer than dead letters are left unattended).
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// First wait of a consumer that holds its batch because the store cannot be reached (a database restart); the
    /// wait doubles on each failed attempt up to <see cref="StoreRetryCap"/>.
    /// </summary>
    public TimeSpan StoreRetryBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StoreRetryCap { get; set; } = TimeSpan.FromSeconds(30);
}
