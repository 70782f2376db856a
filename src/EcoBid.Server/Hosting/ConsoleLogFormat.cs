using Microsoft.Extensions.Logging.Console;

namespace EcoBid.Server.Hosting;

public static class ConsoleLogFormat
{
    /// <summary>
    /// One <c>Logging:Console:FormatterOptions:TimestampFormat</c> serves both formatters. The json formatter writes it
    /// as a value; the simple one writes the level right after it, so there it gets the space that separates them.
    /// </summary>
    public static IServiceCollection AddEcoBidConsoleLogFormat(this IServiceCollection services) =>
        services.PostConfigure<SimpleConsoleFormatterOptions>(options =>
        {
            if (options.TimestampFormat is { Length: > 0 } format && !char.IsWhiteSpace(format[^1]))
            {
                options.TimestampFormat = format + " ";
            }
        });
}
