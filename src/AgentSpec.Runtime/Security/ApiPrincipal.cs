namespace AgentSpec.Runtime.Security;

/// <summary>Who a key belongs to: admin keys may use every agent; users with a non-empty agent list only those.</summary>
public sealed record ApiPrincipal(string KeyId, bool IsAdmin, IReadOnlyList<string> Agents)
{
    public bool MayUse(string agent) => IsAdmin || Agents.Count == 0 || Agents.Contains(agent, StringComparer.Ordinal);
}
