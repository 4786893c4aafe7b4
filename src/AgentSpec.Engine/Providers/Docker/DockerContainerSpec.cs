using System.Globalization;
using System.Text.Json.Nodes;
using global::Docker.DotNet.Models;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>Container attributes (deployment spec §3.2) → the Docker create request; secrets join the environment here only.</summary>
internal static class DockerContainerSpec
{
    public static CreateContainerParameters Create(JsonObject attributes, IReadOnlyDictionary<string, string> secretEnvironment, string lineage)
    {
        var env = new List<string>();
        foreach (var (name, value) in (attributes["env"] as JsonObject ?? new JsonObject()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            env.Add($"{name}={value?.GetValue<string>()}");
        }

        env.AddRange(secretEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var labels = (attributes["labels"] as JsonObject ?? new JsonObject()).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
        var exposed = new Dictionary<string, EmptyStruct>();
        var bindings = new Dictionary<string, IList<PortBinding>>();
        foreach (var port in (attributes["ports"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var key = $"{Number(port["container"])}/{port["protocol"]?.GetValue<string>() ?? "tcp"}";
            exposed[key] = default;
            bindings[key] = new List<PortBinding> { new() { HostPort = Number(port["host"]) } };
        }

        var memory = Long(attributes["memoryBytes"]) ?? 0;
        var host = new HostConfig
        {
            PortBindings = bindings,
            NanoCPUs = Long(attributes["nanoCpus"]) ?? 0,
            Memory = memory,
            MemorySwap = memory,
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
            Init = attributes["init"]?.GetValue<bool>() ?? true,
        };
        if (attributes["network"]?.GetValue<string>() is { } network)
        {
            host.NetworkMode = network;
        }

        return new CreateContainerParameters
        {
            Name = attributes["name"]?.GetValue<string>(),
            Image = attributes["image"]?.GetValue<string>(),
            Cmd = Strings(attributes["command"]),
            Env = env,
            Labels = DockerLabels.WithLineage(labels, lineage),
            User = attributes["user"]?.GetValue<string>(),
            ExposedPorts = exposed,
            Healthcheck = attributes["healthcheck"] is JsonObject health ? Health(health) : null,
            HostConfig = host,
        };
    }

    private static HealthConfig Health(JsonObject health) => new()
    {
        Test = Strings(health["test"]),
        Interval = TimeSpan.FromTicks((Long(health["intervalNs"]) ?? 0) / 100),
        Timeout = TimeSpan.FromTicks((Long(health["timeoutNs"]) ?? 0) / 100),
        StartPeriod = Long(health["startPeriodNs"]) ?? 0,
        Retries = Long(health["retries"]) ?? 3,
    };

    /// <summary>An integer attribute, whether it was parsed from the state or built in memory as int or long.</summary>
    internal static long? Long(JsonNode? node) =>
        node is null ? null : long.Parse(node.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? new JsonArray()).Select(v => v?.GetValue<string>() ?? string.Empty).ToList();

    private static string Number(JsonNode? node) => (Long(node) ?? 0).ToString(CultureInfo.InvariantCulture);
}
