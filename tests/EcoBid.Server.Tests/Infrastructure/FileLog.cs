using Microsoft.Extensions.Logging;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// Appends every app's log lines (Information and up) to the file named by <c>ECOBID_TEST_LOG</c>, for chasing a test
/// that fails only now and then; unset, the apps log warnings to the console as usual.
/// </summary>
internal sealed class FileLog(string path) : ILoggerProvider
{
    public const string Variable = "ECOBID_TEST_LOG";

    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}{Environment.NewLine}";
            lock (Gate)
            {
                File.AppendAllText(path, line);
            }
        }
    }
}
