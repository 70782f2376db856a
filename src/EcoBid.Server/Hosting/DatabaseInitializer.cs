using EcoBid.Events.Handlers;
using EcoBid.Events.Rules;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Hosting;

/// <summary>
/// Runs before the relay and consumers start: checks that every rule target has a handler, brings the schema up to
/// date, and (when this process runs the workers) makes messages a crashed predecessor had received visible again.
/// </summary>
public sealed partial class DatabaseInitializer(
    IStorageSetup storage,
    RuleSet rules,
    HandlerRegistry handlers,
    ServerRoleOptions role,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = rules.Targets.Keys.Where(t => !handlers.Names.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The rules file names targets with no handler in this server: {string.Join(", ", missing)}.");
        }

        await storage.MigrateAsync(cancellationToken);
        if (role.RunsWorkers)
        {
            var released = await storage.ReleaseOrphanedReceivesAsync(cancellationToken);
            if (released > 0)
            {
                LogReleased(logger, released);
            }
        }

        LogReady(logger, storage.Location, rules.Rules.Count, rules.Targets.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Count} messages received before the last stop visible again")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} ready; {Rules} rules, {Targets} targets")]
    private static partial void LogReady(ILogger logger, string path, int rules, int targets);
}
