using System.Collections;

namespace AgentSpec;

/// <summary>One log line of a deployed runtime (deployment spec §10.3.13); secret values are redacted.</summary>
public sealed class LogRecord
{
    public DateTimeOffset? Time { get; init; }

    /// <summary>The process, container or pod the line came from.</summary>
    public string Source { get; init; } = string.Empty;

    public string Stream { get; init; } = "stdout";

    public string? Level { get; init; }

    public string Message { get; init; } = string.Empty;

    public string? CorrelationId { get; init; }

    public string? Agent { get; init; }

    /// <summary>All fields of a JSON log line.</summary>
    public Hashtable Fields { get; init; } = new();

    public string Raw { get; init; } = string.Empty;

    public override string ToString() => Raw;
}
