namespace AgentSpec;

/// <summary><c>delegate to agent "A" [when "C"]</c>.</summary>
public sealed class DelegationRule
{
    public string AgentName { get; internal set; } = string.Empty;

    public AgentDeclaration? Agent { get; internal set; }

    public string? When { get; internal set; }
}
