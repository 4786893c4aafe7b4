using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Tools;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Execution;

/// <summary>An agent resolved at startup (spec §1.5 step 4): model routes, prompt, tools, config values, limits.</summary>
public sealed class ResolvedAgent
{
    public required AgentDefinition Definition { get; init; }
    public required string Fqn { get; init; }
    public required IReadOnlyList<ModelRoute> Routes { get; init; }
    public PromptDefinition? Prompt { get; init; }
    public required IReadOnlyList<IAgentTool> Tools { get; init; }
    public required IReadOnlyDictionary<string, string> ConfigValues { get; init; }
    public required IReadOnlyDictionary<string, string> ConfigEnvironment { get; init; }
    public required TimeSpan Timeout { get; init; }

    public string Name => Definition.Name;

    /// <summary>Finds a tool by the provider name the model used, else by skill name.</summary>
    public IAgentTool? FindTool(string name) =>
        Tools.FirstOrDefault(t => t.Spec.Name == name) ?? Tools.FirstOrDefault(t => t.ToolName == name);
}
