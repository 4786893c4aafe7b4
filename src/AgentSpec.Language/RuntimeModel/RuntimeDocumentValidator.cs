namespace AgentSpec.RuntimeModel;

/// <summary>Structural checks of a runtime document: version, names, and references between its parts.</summary>
public static class RuntimeDocumentValidator
{
    private static readonly string[] Strategies = ["react", "plan-and-execute", "reflexion", "router", "map-reduce"];
    private static readonly string[] ErrorModes = ["fail", "retry", "fallback"];
    private static readonly string[] ToolTypes = ["command", "http", "inline", "mcp"];

    /// <summary>Throws <see cref="RuntimeDocumentException"/> naming the first problem found.</summary>
    public static void Validate(RuntimeDocument document, string source)
    {
        if (document.FormatVersion < 1)
        {
            throw new RuntimeDocumentException($"{source}: missing or invalid format_version (expected {RuntimeDocument.SupportedFormatVersion})");
        }
        if (document.FormatVersion > RuntimeDocument.SupportedFormatVersion)
        {
            throw new RuntimeDocumentException(
                $"{source}: unsupported format_version {document.FormatVersion} (this runtime supports up to {RuntimeDocument.SupportedFormatVersion})");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Agents.Count; i++)
        {
            var agent = document.Agents[i];
            var at = $"{source}: agents[{i}]";
            if (string.IsNullOrWhiteSpace(agent.Name)) throw new RuntimeDocumentException($"{at}: missing name");
            if (!names.Add(agent.Name)) throw new RuntimeDocumentException($"{at}: duplicate agent \"{agent.Name}\"");
        }
        foreach (var agent in document.Agents)
        {
            ValidateAgent(document, agent, names, $"{source}: agent \"{agent.Name}\"");
        }
        foreach (var (name, skill) in document.Skills)
        {
            if (!ToolTypes.Contains(skill.Tool.Type))
            {
                throw new RuntimeDocumentException($"{source}: skill \"{name}\": unknown tool type \"{skill.Tool.Type}\"");
            }
            if (skill.Tool.Type == "command" && string.IsNullOrWhiteSpace(skill.Tool.Binary))
            {
                throw new RuntimeDocumentException($"{source}: skill \"{name}\": command tool without binary");
            }
            if (skill.Tool.Type == "mcp" && (string.IsNullOrWhiteSpace(skill.Tool.Server) || string.IsNullOrWhiteSpace(skill.Tool.Name)))
            {
                throw new RuntimeDocumentException($"{source}: skill \"{name}\": mcp tool needs \"server\" and \"name\"");
            }
            if (skill.Tool.Type == "mcp" && !document.Servers.ContainsKey(skill.Tool.Server ?? ""))
            {
                throw new RuntimeDocumentException($"{source}: skill \"{name}\": unknown MCP server \"{skill.Tool.Server}\"");
            }
            if (skill.Tool.Timeout is { } t && !DurationText.TryParse(t, out _))
            {
                throw new RuntimeDocumentException($"{source}: skill \"{name}\": invalid timeout \"{t}\"");
            }
        }
        foreach (var (name, pipeline) in document.Pipelines)
        {
            foreach (var step in pipeline.Steps)
            {
                if (!names.Contains(step.Agent))
                {
                    throw new RuntimeDocumentException($"{source}: pipeline \"{name}\" step \"{step.Name}\": unknown agent \"{step.Agent}\"");
                }
            }
        }
    }

    private static void ValidateAgent(RuntimeDocument document, AgentDefinition agent, HashSet<string> names, string at)
    {
        if (agent.ModelChain.Count == 0) throw new RuntimeDocumentException($"{at}: no model");
        if (!Strategies.Contains(agent.Strategy)) throw new RuntimeDocumentException($"{at}: unknown strategy \"{agent.Strategy}\"");
        if (!ErrorModes.Contains(agent.OnError)) throw new RuntimeDocumentException($"{at}: unknown on_error \"{agent.OnError}\"");
        if (agent.MaxTurns < 1) throw new RuntimeDocumentException($"{at}: max_turns must be at least 1");
        if (agent.TokenBudget < 0) throw new RuntimeDocumentException($"{at}: token_budget must not be negative");
        if (!DurationText.TryParse(agent.Timeout, out _)) throw new RuntimeDocumentException($"{at}: invalid timeout \"{agent.Timeout}\"");
        if (agent.Prompt is { Length: > 0 } prompt && !document.Prompts.ContainsKey(prompt))
        {
            throw new RuntimeDocumentException($"{at}: unknown prompt \"{prompt}\"");
        }
        foreach (var skill in agent.Skills)
        {
            if (!document.Skills.ContainsKey(skill)) throw new RuntimeDocumentException($"{at}: unknown skill \"{skill}\"");
        }
        foreach (var rule in agent.Delegates)
        {
            if (!names.Contains(rule.Agent)) throw new RuntimeDocumentException($"{at}: delegate to unknown agent \"{rule.Agent}\"");
        }
        if (agent.OnError == "fallback" && (agent.Fallback is null || !names.Contains(agent.Fallback)))
        {
            throw new RuntimeDocumentException($"{at}: on_error \"fallback\" needs a served fallback agent");
        }
        foreach (var guardrail in agent.Guardrails)
        {
            if (!document.Guardrails.ContainsKey(guardrail)) throw new RuntimeDocumentException($"{at}: unknown guardrail \"{guardrail}\"");
        }
    }
}
