using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Providers.Mock;
using AgentSpec.Runtime.Tools;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Hosting;

/// <summary>Resolves the document's agents at startup (spec §1.5 step 4); configuration errors throw <see cref="ConfigurationException"/>.</summary>
public static class AgentCatalog
{
    public static Dictionary<string, ServedAgent> Build(RuntimeContext runtime, string baseDirectory, List<string> warnings,
        Dictionary<string, Tools.Mcp.McpConnection> connections)
    {
        var document = runtime.Document;
        var env = runtime.Environment;
        var skillTools = new Dictionary<string, IAgentTool>(StringComparer.Ordinal);
        IReadOnlyList<Tools.Http.IpNetwork> allowed;
        try
        {
            allowed = Tools.Http.SsrfGuard.ParseAllowList(env.Get("AGENTSPEC_HTTP_ALLOW_PRIVATE"));
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException($"AGENTSPEC_HTTP_ALLOW_PRIVATE: {ex.Message}");
        }
        if (allowed.Count > 0) warnings.Add($"SSRF guard exemptions (AGENTSPEC_HTTP_ALLOW_PRIVATE): {string.Join(", ", allowed)}");
        var guard = new Tools.Http.SsrfGuard(allowed);
        Tools.Mcp.McpConnection Connection(string server, string user)
        {
            if (connections.TryGetValue(server, out var existing)) return existing;
            if (!document.Servers.TryGetValue(server, out var definition)) throw new ConfigurationException($"{user}: unknown MCP server \"{server}\"");
            return connections[server] = new Tools.Mcp.McpConnection(server, definition, env, document.Secrets, runtime.Log, RuntimeVersion.Version);
        }
        foreach (var (name, skill) in document.Skills)
        {
            var spec = new Conversation.ModelToolSpec(ToolNameSanitizer.Sanitize(name), skill.Description,
                ToolSchemaBuilder.Build(skill.Input, document.Types));
            skillTools[name] = skill.Tool.Type switch
            {
                "command" => new CommandTool(name, skill, spec, env, document.Secrets, baseDirectory),
                "inline" => NewInline(name, skill, spec, env),
                "mcp" => new Tools.Mcp.McpTool(name, spec.Name, skill.Description, spec.InputSchema,
                    Connection(skill.Tool.Server ?? "", $"skill \"{name}\""), skill.Tool.Name ?? ""),
                "http" => new Tools.Http.HttpTool(name, skill, spec, env, document.Secrets, guard, runtime.Redactor, RuntimeVersion.Version),
                _ => throw new ConfigurationException($"skill \"{name}\": unknown tool type \"{skill.Tool.Type}\""),
            };
        }
        foreach (var (pipeline, definition) in document.Pipelines)
        {
            foreach (var step in definition.Steps.Where(s => !string.IsNullOrWhiteSpace(s.When)))
            {
                warnings.Add($"pipeline \"{pipeline}\" step \"{step.Name}\": when conditions are not evaluated; the step runs unconditionally");
            }
        }
        var agents = new Dictionary<string, ServedAgent>(StringComparer.Ordinal);
        foreach (var definition in document.Agents)
        {
            var clientServers = new List<Tools.Mcp.McpConnection>();
            if (definition.Client is { } client)
            {
                if (!document.Clients.TryGetValue(client, out var clientDefinition))
                {
                    throw new ConfigurationException($"agent \"{definition.Name}\": unknown MCP client \"{client}\"");
                }
                clientServers.AddRange(clientDefinition.Servers.Select(s => Connection(s, $"client \"{client}\"")));
            }
            agents[definition.Name] = Resolve(runtime, definition, skillTools, warnings, clientServers);
        }
        return agents;
    }

    private static InlineTool NewInline(string name, SkillDefinition skill, Conversation.ModelToolSpec spec, Configuration.RuntimeEnvironment env)
    {
        try
        {
            return new InlineTool(name, skill, spec, env);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException($"skill \"{name}\": {ex.Message}");
        }
    }

    private static ServedAgent Resolve(RuntimeContext runtime, AgentDefinition definition, Dictionary<string, IAgentTool> skillTools, List<string> warnings,
        List<Tools.Mcp.McpConnection> clientServers)
    {
        var document = runtime.Document;
        var routes = definition.ModelChain.Select(m => ModelRouter.Route(m, runtime.Environment)).ToList();
        foreach (var route in routes)
        {
            if (route.Provider == ProviderKind.Mock)
            {
                warnings.Add($"agent \"{definition.Name}\" uses the mock model \"{route.Original}\"");
                string? script;
                try
                {
                    script = MockProvider.ScriptName(route.ModelId);
                }
                catch (FormatException ex)
                {
                    throw new ConfigurationException($"agent \"{definition.Name}\": {ex.Message}");
                }
                if (script is not null && !runtime.MockScripts.Contains(script))
                {
                    throw new ConfigurationException(runtime.MockScripts == MockScriptBook.Empty
                        ? $"agent \"{definition.Name}\" uses \"{route.Original}\" but AGENTSPEC_MOCK_SCRIPT is not set"
                        : $"agent \"{definition.Name}\" uses \"{route.Original}\" but AGENTSPEC_MOCK_SCRIPT has no script \"{script}\"");
                }
            }
            if (definition.Temperature is double t && route.Provider == ProviderKind.Anthropic && t > 1)
            {
                warnings.Add($"agent \"{definition.Name}\": temperature {t.ToString(CultureInfo.InvariantCulture)} clamped to 1 for {route.ModelId}");
            }
            if (definition.Temperature is not null && ModelRouter.IsOSeries(route.ModelId) && route.Provider != ProviderKind.Mock)
            {
                warnings.Add($"agent \"{definition.Name}\": temperature is not sent to {route.ModelId}");
            }
        }
        if (definition.Strategy == "router" && definition.Delegates.Count == 0)
        {
            warnings.Add($"router agent \"{definition.Name}\" has no delegate rules and behaves as react");
        }
        if (definition.Validate is { ValueKind: JsonValueKind.Array } v && v.GetArrayLength() > 0) warnings.Add($"agent \"{definition.Name}\": validate rules are not executed");
        if (definition.Eval is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0) warnings.Add($"agent \"{definition.Name}\": eval cases are not executed");
        if (definition.OnInput is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }) warnings.Add($"agent \"{definition.Name}\": on input blocks are not executed");
        if (definition.BudgetDaily is not null || definition.BudgetMonthly is not null)
        {
            foreach (var route in routes.Where(r => PriceTable.Find(r.ModelId, r.Provider == ProviderKind.Mock) is null))
            {
                warnings.Add($"agent \"{definition.Name}\": model \"{route.ModelId}\" has no built-in price; its calls count 0 against the budget");
            }
        }
        var (configValues, configEnvironment) = ResolveConfig(runtime, definition);
        var tools = definition.Skills.Select(s => skillTools[s]).ToList();
        if (definition.Strategy != "router")
        {
            tools.AddRange(definition.Delegates.Select(d => (IAgentTool)new DelegationTool(d.Agent, d.When)));
        }
        var prompt = definition.Prompt is { Length: > 0 } p ? document.Prompts[p] : null;
        return new ServedAgent
        {
            Definition = definition,
            Fqn = definition.Fqn ?? $"{document.Package.Name}/Agent/{definition.Name}",
            Routes = routes,
            Prompt = prompt,
            StaticTools = tools,
            ClientServers = clientServers,
            ConfigValues = configValues,
            ConfigEnvironment = configEnvironment,
            Timeout = DurationText.Parse(definition.Timeout),
        };
    }

    private static (Dictionary<string, string>, Dictionary<string, string>) ResolveConfig(RuntimeContext runtime, AgentDefinition definition)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var param in definition.Config)
        {
            var variable = $"AGENTSPEC_{EnvName(definition.Name)}_{EnvName(param.Name)}";
            var fromFile = runtime.ConfigParams.TryGetValue(definition.Name, out var file) && file.TryGetValue(param.Name, out var v) ? v : null;
            var value = fromFile ?? runtime.Environment.Get(variable) ?? DefaultText(param.Default);
            if (value is null)
            {
                if (param.Required) throw new ConfigurationException($"agent \"{definition.Name}\": missing required config param \"{param.Name}\" (set {variable})");
                continue;
            }
            var ok = param.Type.ToLowerInvariant() switch
            {
                "int" or "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                "float" or "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                "bool" or "boolean" => bool.TryParse(value, out _),
                _ => true,
            };
            if (!ok) throw new ConfigurationException($"agent \"{definition.Name}\": config param \"{param.Name}\" ({variable}) is not a valid {param.Type}");
            if (param.Secret) runtime.Redactor.Register(value);
            values[param.Name] = value;
            environment[$"AGENTSPEC_CONFIG_{EnvName(param.Name)}"] = value;
        }
        return (values, environment);
    }

    private static string? DefaultText(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => other.GetRawText(),
    };

    /// <summary>Uppercased, every character outside <c>[A-Z0-9]</c> → <c>_</c>.</summary>
    public static string EnvName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToUpperInvariant()) sb.Append(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) ? c : '_');
        return sb.ToString();
    }
}
