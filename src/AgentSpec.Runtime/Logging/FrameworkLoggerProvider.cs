using Microsoft.Extensions.Logging;

namespace AgentSpec.Runtime.Logging;

/// <summary>Forwards ASP.NET Core's own log records (warn and above, spec §6.1) into the runtime log.</summary>
public sealed class FrameworkLoggerProvider : ILoggerProvider
{
    private readonly RuntimeLog _log;

    public FrameworkLoggerProvider(RuntimeLog log) => _log = log;

    public ILogger CreateLogger(string categoryName) => new ForwardingLogger(_log, categoryName);

    public void Dispose()
    {
    }

    private sealed class ForwardingLogger(RuntimeLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var level = logLevel >= LogLevel.Error ? RuntimeLogLevel.Error : RuntimeLogLevel.Warn;
            log.Write(level, formatter(state, exception), new LogField("category", category),
                new LogField("exception", exception?.GetType().Name));
        }
    }
}
