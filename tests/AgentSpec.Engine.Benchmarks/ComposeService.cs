using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>A compose (file format 2.4) service equivalent to the engine's docker <c>Container</c> attributes (deployment spec §3.2).</summary>
internal static class ComposeService
{
    public static JsonObject From(JsonObject container, string image)
    {
        var service = new JsonObject
        {
            ["image"] = image,
            ["command"] = container["command"]?.DeepClone(),
            ["environment"] = container["env"]?.DeepClone() ?? new JsonObject(),
            ["ports"] = new JsonArray((container["ports"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                .Select(p => (JsonNode?)$"{Long(p["host"])}:{Long(p["container"])}/{p["protocol"]?.GetValue<string>() ?? "tcp"}").ToArray()),
            ["restart"] = "unless-stopped",
            ["init"] = container["init"]?.GetValue<bool>() ?? true,
            ["user"] = container["user"]?.GetValue<string>(),
            ["cpus"] = (Long(container["nanoCpus"]) / 1e9).ToString(CultureInfo.InvariantCulture),
            ["mem_limit"] = Long(container["memoryBytes"]),
            ["memswap_limit"] = Long(container["memoryBytes"]),
        };
        if (container["healthcheck"] is JsonObject health)
        {
            service["healthcheck"] = new JsonObject
            {
                ["test"] = health["test"]?.DeepClone(),
                ["interval"] = Duration(health["intervalNs"]),
                ["timeout"] = Duration(health["timeoutNs"]),
                ["start_period"] = Duration(health["startPeriodNs"]),
                ["retries"] = Long(health["retries"]),
            };
        }

        return service;
    }

    private static long Long(JsonNode? node) => node is null ? 0 : long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Duration(JsonNode? nanoseconds) => (Long(nanoseconds) / 1_000_000).ToString(CultureInfo.InvariantCulture) + "ms";
}
