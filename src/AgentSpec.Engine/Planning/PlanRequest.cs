using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Planning;

/// <summary>Everything the planner compares: the desired resources of a scope and the recorded state.</summary>
public sealed class PlanRequest
{
    public PlanMode Mode { get; init; } = PlanMode.Apply;

    public required string Package { get; init; }

    public required string PackageVersion { get; init; }

    public string? Environment { get; init; }

    public required string Target { get; init; }

    public required string TargetKind { get; init; }

    public IReadOnlyList<string> Scope { get; init; } = Array.Empty<string>();

    public JsonObject Endpoint { get; init; } = new();

    /// <summary>The state path as the user should see it.</summary>
    public required string StateDisplayPath { get; init; }

    public required StateSnapshot State { get; init; }

    public IReadOnlyList<DesiredResource> Desired { get; init; } = Array.Empty<DesiredResource>();

    public JsonObject? Snapshot { get; init; }

    /// <summary>The salt of a state that does not exist yet (carried in the seal).</summary>
    public string? NewSalt { get; init; }

    /// <summary>The deploy names the specification declares (for AS5123); null when planning from state alone.</summary>
    public IReadOnlyList<string>? DeclaredTargets { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = Array.Empty<Diagnostic>();

    public long? RestoredFrom { get; init; }

    /// <summary>Live drift by address (<c>-Refresh</c> only); null when the plan did not contact the target.</summary>
    public IReadOnlyDictionary<string, ResourceDrift>? Drift { get; init; }

    /// <summary>Destroy mode: the objects whose deletion only drops their state entry (<c>-KeepImages</c>, <c>-KeepNamespace</c>).</summary>
    public DestroyOptions Keep { get; init; } = DestroyOptions.None;
}
