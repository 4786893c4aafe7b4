namespace AgentSpec;

/// <summary>The holder of a state lock (deployment spec §4.5).</summary>
public sealed class StateLockInfo
{
    /// <summary>Null for older lock formats, which have no id.</summary>
    public string? Id { get; init; }

    public string? Operation { get; init; }

    public string? Target { get; init; }

    public string? Who { get; init; }

    public string? Hostname { get; init; }

    public int Pid { get; init; }

    public DateTimeOffset? ProcessStart { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Heartbeat { get; init; }

    public string? ToolVersion { get; init; }

    /// <summary>The lock file.</summary>
    public string Path { get; init; } = string.Empty;

    public override string ToString() => $"{Who} (pid {Pid}, operation {Operation} on {Target}), lock id {Id}";
}
