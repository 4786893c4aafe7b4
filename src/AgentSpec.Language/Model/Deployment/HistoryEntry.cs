using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>One apply, restore or destroy recorded in the state's history (deployment spec §4.2, §10.3.9).</summary>
public sealed class HistoryEntry
{
    public long Serial { get; init; }

    /// <summary>When the operation finished.</summary>
    public DateTimeOffset Time { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public string Target { get; init; } = string.Empty;

    public IReadOnlyList<string> Scope { get; init; } = Array.Empty<string>();

    /// <summary>apply, destroy or restore.</summary>
    public string Operation { get; init; } = string.Empty;

    /// <summary>succeeded, partial, failed or cancelled.</summary>
    public string Outcome { get; init; } = string.Empty;

    public string? Environment { get; init; }

    public string Package { get; init; } = string.Empty;

    public string PackageVersion { get; init; } = string.Empty;

    public string? SpecHash { get; init; }

    public string? PlanId { get; init; }

    public int Added { get; init; }

    public int Changed { get; init; }

    public int Destroyed { get; init; }

    public int Failed { get; init; }

    /// <summary><c>+a ~c -d !f</c>.</summary>
    public string Summary => $"+{Added} ~{Changed} -{Destroyed} !{Failed}";

    public string User { get; init; } = string.Empty;

    public string Host { get; init; } = string.Empty;

    public string? CiRun { get; init; }

    public string ToolVersion { get; init; } = string.Empty;

    public long? RestoredFrom { get; init; }

    public bool HasSnapshot { get; init; }

    public string StatePath { get; init; } = string.Empty;

    /// <summary>The secret-free snapshot (only with <c>-IncludeSnapshot</c>).</summary>
    public JsonObject? Snapshot { get; init; }

    public override string ToString() => $"{Serial} {Operation} {Target} {Outcome}";
}
