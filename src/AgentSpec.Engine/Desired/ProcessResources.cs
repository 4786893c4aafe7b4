using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Desired;

/// <summary>
/// Desired resources of a <c>process</c> unit (deployment spec §3.2, §7.1): <c>ConfigFile</c> (the runtime document on
/// disk) and <c>Process</c> (the detached runtime). Deterministic: equal input gives equal canonical attributes.
/// </summary>
public static class ProcessResources
{
    public const string Kind = "process";
    public const string ConfigFileType = "ConfigFile";
    public const string ProcessType = "Process";

    /// <summary>The working folder of a deploy, relative to the state folder: <c>.agentspec/process/&lt;dnsLabel(deploy)&gt;</c>.</summary>
    public static string WorkingFolder(string deploy) => $".agentspec/process/{Resolution.DnsLabel.Of(deploy)}";

    public static IReadOnlyList<DesiredResource> Build(
        DeploymentUnit unit,
        string? environment,
        Func<SecretReference, string?> fingerprint,
        RuntimeInfo? runtime,
        string bindHost)
    {
        var settings = unit.Settings;
        var folder = WorkingFolder(unit.Deploy);
        var content = RuntimeDocumentJson.Build(unit.Configuration);
        var configAddress = DesiredResource.AddressOf(unit.Deploy, Kind, ConfigFileType, null, unit.Name);
        var config = new DesiredResource
        {
            Address = configAddress,
            Target = unit.Deploy,
            Kind = Kind,
            Type = ConfigFileType,
            Name = unit.Name,
            Attributes = Json.JsonFiles.SortedObject(new JsonObject { ["path"] = folder + "/config.json", ["content"] = content }),
            JsonStringPaths = Array.Empty<string>(),
            ReplaceOn = ["path"],
        };

        var env = new JsonObject();
        foreach (var (name, value) in RuntimeEnvironment.Of(unit, environment))
        {
            env[name] = value;
        }

        var (secretEnv, sensitive, unknown, bindings) = SecretEnvironment.Build(unit, fingerprint);

        var arguments = new List<string>
        {
            "run", "--config", "config.json", "--host", bindHost, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--log-file", "runtime.log", "--detached", "--stop-file", "stop",
        };
        JsonNode? health = null;
        if (settings.Health is { } h)
        {
            arguments.AddRange(["--watch-health", h.Path, "--watch-interval", h.Interval.Text, "--watch-timeout", h.Timeout.Text]);
            health = new JsonObject { ["interval"] = h.Interval.Text, ["path"] = h.Path, ["timeout"] = h.Timeout.Text };
        }

        JsonNode? runtimeNode = runtime is null ? null : new JsonObject { ["rid"] = runtime.Rid, ["sha256"] = runtime.Sha256, ["version"] = runtime.Version };
        if (runtime is null)
        {
            unknown.Add("runtime");
        }

        var process = new DesiredResource
        {
            Address = DesiredResource.AddressOf(unit.Deploy, Kind, ProcessType, null, unit.Name),
            Target = unit.Deploy,
            Kind = Kind,
            Type = ProcessType,
            Name = unit.Name,
            Attributes = Json.JsonFiles.SortedObject(new JsonObject
            {
                ["runtime"] = runtimeNode,
                ["arguments"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                ["bindHost"] = bindHost,
                ["port"] = settings.Port,
                ["env"] = env,
                ["secretEnv"] = secretEnv,
                ["health"] = health,
                ["configHash"] = CanonicalJson.Hash(content),
                ["workingDirectory"] = folder,
                ["logFile"] = folder + "/runtime.log",
            }),
            SensitivePaths = sensitive,
            UnknownPaths = unknown,
            ReplaceOn = ["*"],
            DependsOn = [configAddress],
            IsWorkload = true,
            SecretBindings = bindings,
        };
        return [config, process];
    }
}
