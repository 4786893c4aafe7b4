using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>
/// One attribute path that differs (deployment spec §5.1). <see cref="Before"/> and <see cref="After"/> hold the JSON
/// values; for a <see cref="Sensitive"/> path they hold fingerprints only, never a secret value.
/// </summary>
public sealed class PropertyDiff
{
    public string Path { get; init; } = string.Empty;

    public PropertyDiffKind Kind { get; init; }

    public JsonNode? Before { get; init; }

    public JsonNode? After { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>The desired value is known only after apply (a secret fingerprint that could not be computed).</summary>
    public bool Unknown { get; init; }

    public bool ForcesReplacement { get; init; }

    public override string ToString() => $"{Path}: {Kind}";
}
