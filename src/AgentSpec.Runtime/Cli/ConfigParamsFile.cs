using System.Text.Json;
using AgentSpec.Runtime.Hosting;

namespace AgentSpec.Runtime.Cli;

/// <summary>A config-params file (spec §4.13): <c>{"&lt;agent&gt;": {"&lt;param&gt;": value}}</c>; scalars become their JSON text.</summary>
public static class ConfigParamsFile
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{path}: a config-params file must be a JSON object");
            var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var agent in doc.RootElement.EnumerateObject())
            {
                if (agent.Value.ValueKind != JsonValueKind.Object) throw new ConfigurationException($"{path}: \"{agent.Name}\" must be an object of params");
                result[agent.Name] = agent.Value.EnumerateObject().ToDictionary(p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
            }
            return result;
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{path}: invalid JSON: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new ConfigurationException($"cannot read \"{path}\": {ex.Message}");
        }
    }
}
