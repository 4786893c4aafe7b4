using System.Text.Json.Nodes;

namespace AgentSpec.Engine.State;

/// <summary>What reading the state found: a format-2 document, nothing, or a legacy document kept for migration.</summary>
public sealed class StateSnapshot
{
    public required string Path { get; init; }

    /// <summary>Null when no format-2 state exists (file absent or legacy).</summary>
    public StateDocument? Document { get; init; }

    /// <summary>The older <c>{version, entries}</c> document (or bare array), migrated under <c>legacy</c> by the first write.</summary>
    public JsonNode? Legacy { get; init; }

    public string? LegacyDigest { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = Array.Empty<Diagnostic>();

    public bool Absent => Document is null;

    public long Serial => Document?.Serial ?? 0;

    public string? Lineage => Document?.Lineage;
}
