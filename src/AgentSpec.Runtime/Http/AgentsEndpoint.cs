using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary><c>GET /v1/agents</c> (spec §2.6): the permitted agents in declaration order.</summary>
public static class AgentsEndpoint
{
    public static Task HandleAsync(HttpContext context, ApiState state, RequestInfo info)
    {
        var unavailable = state.Health.Snapshot.UnavailableAgents;
        var agents = new JsonArray();
        foreach (var agent in state.AgentList.Where(a => info.MayUse(a.Name)))
        {
            var d = agent.Definition;
            agents.Add(new JsonObject
            {
                ["name"] = agent.Name,
                ["fqn"] = agent.Fqn,
                ["model"] = agent.Routes[0].ModelId,
                ["models"] = new JsonArray(agent.Routes.Select(r => (JsonNode?)JsonValue.Create(r.ModelId)).ToArray()),
                ["provider"] = agent.Routes[0].ProviderName,
                ["strategy"] = d.Strategy,
                ["status"] = unavailable.ContainsKey(agent.Name) ? "unavailable" : "running",
                ["skills"] = new JsonArray(d.Skills.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["active_sessions"] = state.Sessions.Count(agent.Name),
                ["total_invocations"] = state.Invocations(agent.Name),
                ["stream"] = d.Stream,
            });
        }
        return ResponseWriter.JsonAsync(context, 200, new JsonObject { ["agents"] = agents });
    }
}
