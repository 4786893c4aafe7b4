namespace AgentSpec;

/// <summary>An API user: the secret holding its key (by name), its agents (empty = all) and role.</summary>
public sealed class ResolvedUser
{
    public string Name { get; internal init; } = string.Empty;

    public string KeySecret { get; internal init; } = string.Empty;

    public IReadOnlyList<string> Agents { get; internal init; } = Array.Empty<string>();

    public string Role { get; internal init; } = "invoke";
}
