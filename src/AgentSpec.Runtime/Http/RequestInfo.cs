using AgentSpec.Runtime.Security;

namespace AgentSpec.Runtime.Http;

/// <summary>Per-request facts established by the dispatcher: correlation ID and the authenticated principal (null when auth is off).</summary>
public sealed record RequestInfo(string CorrelationId, ApiPrincipal? Principal)
{
    public bool MayUse(string agent) => Principal is null || Principal.MayUse(agent);
}
