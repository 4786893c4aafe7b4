using System.Text.Json.Nodes;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Apply;

/// <summary>One execution of a verified plan against the state read under the lock.</summary>
public sealed class ApplyJob
{
    public required Plan Plan { get; init; }

    public required string StatePath { get; init; }

    /// <summary>The state read under the lock.</summary>
    public required StateSnapshot State { get; init; }

    public required ITargetProvider Provider { get; init; }

    public required ApplyContext Context { get; init; }

    public ApplyOptions Options { get; init; } = new();

    /// <summary>The salt used for fingerprints when no state exists yet.</summary>
    public string? Salt { get; init; }

    public JsonNode? Legacy => State.Legacy;
}
