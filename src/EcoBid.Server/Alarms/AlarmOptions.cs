namespace EcoBid.Server.Alarms;

/// <summary>
/// Configuration section <c>Alarms</c>: how often the alarms are evaluated, and each alarm's settings. The defaults
/// are the seeds' thresholds: handler errors over 1 %, server errors (5xx) over 0.5 %, any dead letter, a queue's
/// oldest message older than 15 minutes, a timer overdue by 2 minutes, over 100 rate-limit rejections in 5 minutes,
/// the email circuit open.
/// </summary>
public sealed class AlarmOptions
{
    public const string Section = "Alarms";

    public bool Enabled { get; set; } = true;

    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many transitions <c>/admin/alarms</c> lists.</summary>
    public int RecentTransitions { get; set; } = 50;

    public AlarmRuleOptions HandlerErrorRate { get; set; } = AlarmRuleOptions.Default(0.01, minimumSamples: 20);

    public AlarmRuleOptions ServerErrorRate { get; set; } = AlarmRuleOptions.Default(0.005, minimumSamples: 50);

    public AlarmRuleOptions DeadLetters { get; set; } = AlarmRuleOptions.Default(0);

    /// <summary>Seconds.</summary>
    public AlarmRuleOptions QueueAge { get; set; } = AlarmRuleOptions.Default(900);

    /// <summary>Seconds; raised on the second evaluation in a row, so timers a restart finds due get their moment to fire.</summary>
    public AlarmRuleOptions TimersOverdue { get; set; } = AlarmRuleOptions.Default(120, raiseAfter: 2);

    public AlarmRuleOptions RateLimitRejections { get; set; } = AlarmRuleOptions.Default(100);

    public AlarmRuleOptions EmailCircuitOpen { get; set; } = AlarmRuleOptions.Default(0);

    public AlarmRuleOptions For(string alarm) => alarm switch
    {
        AlarmNames.HandlerErrorRate => HandlerErrorRate,
        AlarmNames.ServerErrorRate => ServerErrorRate,
        AlarmNames.DeadLetters => DeadLetters,
        AlarmNames.QueueAge => QueueAge,
        AlarmNames.TimersOverdue => TimersOverdue,
        AlarmNames.RateLimitRejections => RateLimitRejections,
        AlarmNames.EmailCircuitOpen => EmailCircuitOpen,
        _ => throw new ArgumentOutOfRangeException(nameof(alarm), alarm, "No such alarm."),
    };
}
