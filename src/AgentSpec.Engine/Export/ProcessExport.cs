using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Json;

namespace AgentSpec.Engine.Export;

/// <summary>
/// The process files of <c>Export-AgentSpec</c> (deployment spec §7.1, §10.3.11), from the very desired resources that
/// apply uses: <c>config.json</c> (the runtime document, byte for byte what apply writes) and <c>launch.json</c> (the
/// command line, working directory, port, environment names, secret variable bindings and health check; never a value).
/// </summary>
public static class ProcessExport
{
    public const string LaunchFile = "launch.json";
    public const string ConfigFile = "config.json";

    /// <summary>File name → content (LF, UTF-8), deterministic. Several units go to one subfolder each.</summary>
    public static IReadOnlyDictionary<string, string> Render(ResolvedDeployment resolved, string bindHost)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var units = resolved.Units.Where(u => u.Kind == ProcessResources.Kind).ToList();
        foreach (var unit in units)
        {
            var prefix = units.Count == 1 ? string.Empty : Resolution.DnsLabel.Of(unit.Name) + "/";
            var resources = ProcessResources.Build(unit, resolved.Environment, _ => null, runtime: null, bindHost);
            var config = resources.Single(r => r.Type == ProcessResources.ConfigFileType);
            var process = resources.Single(r => r.Type == ProcessResources.ProcessType);
            files[prefix + ConfigFile] = JsonFiles.Write(config.Attributes["content"]);
            files[prefix + LaunchFile] = JsonFiles.Write(Launch(process.Attributes));
        }

        return files;
    }

    private static JsonObject Launch(JsonObject attributes)
    {
        var port = attributes["port"]?.GetValue<long>() ?? 0;
        var secretEnvironment = new JsonObject();
        foreach (var (variable, binding) in attributes["secretEnv"] as JsonObject ?? new JsonObject())
        {
            // The binding only: which secret feeds the variable and from where. The fingerprint stays in state.
            secretEnvironment[variable] = new JsonObject
            {
                ["secret"] = binding?["secret"]?.DeepClone(),
                ["source"] = binding?["source"]?.DeepClone(),
                ["key"] = binding?["key"]?.DeepClone(),
            };
        }

        var health = attributes["health"] as JsonObject;
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{health?["path"]?.GetValue<string>() ?? "/healthz"}");
        var healthNode = health is null
            ? new JsonObject { ["url"] = url, ["timeout"] = "5s" }
            : new JsonObject { ["url"] = url, ["interval"] = health["interval"]?.DeepClone(), ["timeout"] = health["timeout"]?.DeepClone() };
        return new JsonObject
        {
            ["formatVersion"] = 1,
            ["executable"] = "agentspec",
            ["arguments"] = attributes["arguments"]?.DeepClone(),
            ["workingDirectory"] = ".",
            ["port"] = port,
            ["inheritHostEnvironment"] = true,
            ["environment"] = attributes["env"]?.DeepClone(),
            ["secretEnvironment"] = secretEnvironment,
            ["health"] = healthNode,
        };
    }
}
