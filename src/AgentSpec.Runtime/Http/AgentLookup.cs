using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Http;

/// <summary>Agent lookup (404) then authorisation (403), the first two steps of every agent route.</summary>
public static class AgentLookup
{
    public static ServedAgent Find(ApiState state, RequestInfo info, string name)
    {
        if (!state.Agents.TryGetValue(name, out var agent)) throw ApiException.NotFound($"agent \"{name}\" not found");
        if (!info.MayUse(name)) throw new ApiException(403, "forbidden", $"not allowed to use agent \"{name}\"");
        return agent;
    }
}
