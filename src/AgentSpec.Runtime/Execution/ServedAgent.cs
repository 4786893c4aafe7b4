using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Tools;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Execution;

/// <summary>An agent resolved at startup (spec §1.5 step 4): model routes, prompt, tools, config values, limits.</summary>
public sealed class ServedAgent
{
    public required AgentDefinition Definition { get; init; }
    public required string Fqn { get; init; }
    public required IReadOnlyList<ModelRoute> Routes { get; init; }
    public PromptDefinition? Prompt { get; init; }
    /// <summary>Skill and delegation tools, fixed at startup.</summary>
    public required IReadOnlyList<IAgentTool> StaticTools { get; init; }

    /// <summary>Servers of the agent's MCP client (<c>connects to client</c>): their tools are offered as they are listed.</summary>
    public IReadOnlyList<Tools.Mcp.McpConnection> ClientServers { get; init; } = [];

    /// <summary>The tools offered now: static tools plus every listed tool of the client's connected servers.</summary>
    public IReadOnlyList<IAgentTool> Tools => ClientServers.Count == 0 ? StaticTools
        : StaticTools.Concat(ClientServers.SelectMany(c => c.Tools.Keys.Select(t => (IAgentTool)new Tools.Mcp.McpTool($"{c.Name}/{t}",
            ToolNameSanitizer.Sanitize($"{c.Name}__{t}"), null, EmptySchema, c, t)))).ToList();

    private static readonly System.Text.Json.Nodes.JsonObject EmptySchema = new() { ["type"] = "object", ["properties"] = new System.Text.Json.Nodes.JsonObject() };
    public required IReadOnlyDictionary<string, string> ConfigValues { get; init; }
    public required IReadOnlyDictionary<string, string> ConfigEnvironment { get; init; }
    public required TimeSpan Timeout { get; init; }

    public string Name => Definition.Name;

    /// <summary>Finds a tool by the provider name the model used, else by skill name.</summary>
    public IAgentTool? FindTool(string name) =>
        Tools.FirstOrDefault(t => t.Spec.Name == name) ?? Tools.FirstOrDefault(t => t.ToolName == name);
}
