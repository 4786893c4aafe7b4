using System.Text.Json.Nodes;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Engine.Desired;

/// <summary>
/// The runtime document (<c>config.json</c>, runtime spec §1.3) of one unit as canonical JSON attributes. It is built by
/// the Language's <see cref="RuntimeDocumentBuilder"/>, the same builder the runtime's source mode uses, so that
/// <c>agentspec run x.ias</c> and <c>agentspec run --config</c> of an applied deploy serve the same document.
/// </summary>
internal static class RuntimeDocumentJson
{
    public static JsonObject Build(ResolvedConfiguration configuration) =>
        (JsonObject)Json.JsonFiles.SortedObject(
            JsonNode.Parse(RuntimeDocumentSerializer.Serialize(RuntimeDocumentBuilder.Build(configuration))) as JsonObject
            ?? throw new InvalidOperationException("the runtime document did not serialise to a JSON object"));

    /// <summary>Secret name → the variable of the runtime process that carries its value (runtime spec §1.3).</summary>
    public static SortedDictionary<string, string> SecretVariables(ResolvedConfiguration configuration)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in configuration.Secrets)
        {
            variables.TryAdd(reference.Name, RuntimeDocumentBuilder.SecretVariable(reference, configuration.Deploy));
        }

        return variables;
    }
}
