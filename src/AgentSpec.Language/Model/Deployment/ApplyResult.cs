using System.Collections;

namespace AgentSpec;

/// <summary>One resource acted on by an apply, restore or destroy (deployment spec §6.4).</summary>
public sealed class ApplyResult
{
    public string Address { get; init; } = string.Empty;

    public string Target { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public ChangeAction Action { get; init; }

    public ApplyStatus Status { get; init; }

    public HealthState Health { get; init; }

    public string? Message { get; init; }

    /// <summary>The failure, redacted; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The ErrorId of the deferred error for a failed resource (ResourceApplyFailed, HealthCheckFailed, …).</summary>
    public string? ErrorId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>What the provider observed: pid, start time, log file, container id, …</summary>
    public Hashtable Observed { get; init; } = new();

    public long StateSerial { get; init; }

    public override string ToString() => $"{Status} {Action} {Address}";
}
