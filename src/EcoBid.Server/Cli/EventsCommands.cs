using System.CommandLine;
using EcoBid.Server.Events;

namespace EcoBid.Server.Cli;

internal static class EventsCommands
{
    public const int InvalidInput = 2;

    public static Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "The event pattern, as JSON", Required = true };
        var @event = new Option<string>("--event") { Description = "The event, as JSON", Required = true };
        var test = new Command("test-pattern", "Prints true or false: whether the event matches the pattern (EventBridge TestEventPattern).")
        {
            pattern,
            @event,
        };
        test.SetAction(result =>
        {
            var outcome = PatternTester.Test(result.GetValue(pattern), result.GetValue(@event));
            if (outcome.Error is { } message)
            {
                result.InvocationConfiguration.Error.WriteLine(message);
                return InvalidInput;
            }

            result.InvocationConfiguration.Output.WriteLine(outcome.Result ? "true" : "false");
            return 0;
        });
        return new Command("events", "Event tools.") { test };
    }
}
