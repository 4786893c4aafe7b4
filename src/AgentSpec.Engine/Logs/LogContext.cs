using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Logs;

/// <summary>What a provider needs to read a target's logs: the query, the state folder and the secret resolver (for redaction).</summary>
public sealed class LogContext
{
    public required LogQuery Query { get; init; }

    /// <summary>The folder of the state file (relative paths in attributes are relative to it).</summary>
    public required string StateFolder { get; init; }

    public required SecretResolver Secrets { get; init; }

    /// <summary>The state's lineage: objects of another state with the same names are not ours (empty = not checked).</summary>
    public string Lineage { get; init; } = string.Empty;

    /// <summary>How often a followed source without push (the process log file) is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
