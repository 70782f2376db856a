namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// EventBridge's writes that EcoBid leaves out, and why. Rules and targets are data in the rules file, loaded when the
/// server starts, so that every node routes by the same rules; events are published only by EcoBid's own state
/// changes, in the transaction that makes the change (the outbox), so no event exists without its state change.
/// </summary>
internal static class ReadOnlyRules
{
    private const string RulesFile =
        "EcoBid's rules and targets are defined in its rules file (rules/rules.json, or the file Rules:Path names), read when the server starts; change them there.";

    private const string OwnEvents =
        "EcoBid publishes events only from its own state changes, committed together with them; there is no way to put an event from outside.";

    private const string OneBus = "EcoBid has one event bus, default.";

    public static readonly IReadOnlyDictionary<string, string> NotOffered = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PutRule"] = RulesFile,
        ["DeleteRule"] = RulesFile,
        ["EnableRule"] = RulesFile,
        ["DisableRule"] = RulesFile,
        ["PutTargets"] = RulesFile,
        ["RemoveTargets"] = RulesFile,
        ["TagResource"] = RulesFile,
        ["UntagResource"] = RulesFile,
        ["PutEvents"] = OwnEvents,
        ["PutPartnerEvents"] = OwnEvents,
        ["CreateEventBus"] = OneBus,
        ["UpdateEventBus"] = OneBus,
        ["DeleteEventBus"] = OneBus,
        ["PutPermission"] = OneBus,
        ["RemovePermission"] = OneBus,
    };
}
