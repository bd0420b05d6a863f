using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>Keeps every formatted log line, with its structured values, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}
