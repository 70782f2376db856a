using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EcoBid.Server.Mail;

/// <summary>
/// The email channel behind a circuit breaker (Polly) with a per-send timeout. While the circuit is open, sends are
/// not attempted: they come back <see cref="MailOutcomeKind.Skipped"/> at once, and nothing waits on a dead server.
/// The caller decides what a skip means: <see cref="EmailDelivery"/> drops the notification email,
/// <see cref="AccountEmailDelivery"/> tries the account email again later.
/// </summary>
public sealed partial class GuardedMailTransport
{
    private readonly IMailTransport _inner;
    private readonly ResiliencePipeline _pipeline;

    public GuardedMailTransport(IMailTransport inner, IOptions<MailOptions> options, NotificationMetrics metrics, TimeProvider clock, ILogger<GuardedMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        var o = options.Value;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, o.BreakerMinimumThroughput),
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || ex is TimeoutRejectedException),
                OnOpened = args =>
                {
                    metrics.Breaker("opened");
                    LogOpened(logger, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    metrics.Breaker("half_opened");
                    return default;
                },
                OnClosed = _ =>
                {
                    metrics.Breaker("closed");
                    LogClosed(logger);
                    return default;
                },
            })
            .AddTimeout(o.SendTimeout)
            .Build();
    }

    public async Task<MailOutcome> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.ExecuteAsync(static async (state, token) => await state.Inner.SendAsync(state.Mail, token), (Inner: _inner, Mail: mail), cancellationToken);
            return MailOutcome.Sent;
        }
        catch (BrokenCircuitException ex)
        {
            return new MailOutcome(MailOutcomeKind.Skipped, $"the email channel is down (circuit open): {ex.Message}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new MailOutcome(MailOutcomeKind.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email channel circuit opened for {Seconds} s after failures (last: {Error}); emails are skipped meanwhile")]
    private static partial void LogOpened(ILogger logger, double seconds, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email channel circuit closed; emails are sent again")]
    private static partial void LogClosed(ILogger logger);
}
