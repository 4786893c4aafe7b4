using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Desired;

/// <summary>One resource of the desired state (deployment spec §1.3): stable address, canonical attributes and their hash.</summary>
public sealed class DesiredResource
{
    public required string Address { get; init; }

    /// <summary>The deploy name.</summary>
    public required string Target { get; init; }

    public required string Kind { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? Scope { get; init; }

    /// <summary>Keys sorted at every depth; secrets as fingerprints only.</summary>
    public required JsonObject Attributes { get; init; }

    public IReadOnlyList<string> SensitivePaths { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> UnknownPaths { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> JsonStringPaths { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ReplaceOn { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();

    public bool IsWorkload { get; init; }

    public IReadOnlyList<ResourceSecretBinding> SecretBindings { get; init; } = Array.Empty<ResourceSecretBinding>();

    /// <summary><c>sha256:</c> over the canonical attributes (deployment spec §3.3).</summary>
    public string Hash => CanonicalJson.Hash(Attributes);

    /// <summary>The address of a resource: <c>deploy/kind/Type/[scope/]name</c>, with <c>/</c> and <c>%</c> percent-encoded in segments.</summary>
    public static string AddressOf(string deploy, string kind, string type, string? scope, string name)
    {
        static string Segment(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);
        var scoped = scope is null ? string.Empty : Segment(scope) + "/";
        return $"{Segment(deploy)}/{Segment(kind)}/{type}/{scoped}{Segment(name)}";
    }

    public override string ToString() => Address;
}
