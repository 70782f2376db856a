namespace EcoBid.Server.Mail;

/// <summary>Configuration section <c>Mail</c>: where every email goes (account and notification), and how the email channel degrades.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>When <see cref="SmtpOptions.Host"/> is set, emails go over SMTP; otherwise into the pickup folder.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>One send's time limit; a send that takes longer counts as a failure.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Sends before a notification email is given up as failed; between them it waits with exponential backoff
    /// (<see cref="RetryBase"/> doubling up to <see cref="RetryCap"/>). Account emails use the same backoff but no
    /// limit: they are tried until their token expires.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryCap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The circuit opens when this share of the sends in the sampling window failed …</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>… and at least this many were tried in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit skips emails before one send is tried again.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
