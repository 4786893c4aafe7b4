using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.RuntimeModel;

/// <summary>
/// Builds the runtime document (runtime spec §1.3) from a resolved configuration (language spec §10.2): the projection
/// the deployment engine writes as <c>config.json</c> and the runtime builds in memory in source mode.
/// </summary>
public static class RuntimeDocumentBuilder
{
    public static RuntimeDocument Build(ResolvedConfiguration c)
    {
        var deploy = c.Deploy;
        var secretEnv = c.Secrets.ToDictionary(s => s.Name, s => SecretVariable(s, deploy), StringComparer.Ordinal);
        var document = new RuntimeDocument
        {
            FormatVersion = RuntimeDocument.SupportedFormatVersion,
            Package = new PackageReference { Name = c.Package.Name, Version = c.Package.Version ?? "" },
            Environment = c.Environment,
            Deploy = new DeployDefinition { Name = deploy.Name, Target = deploy.Target, Port = (int)deploy.Port, HealthPath = deploy.Health?.Path ?? "/healthz" },
            Settings = deploy.Env.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Secrets = secretEnv.ToDictionary(e => e.Key, e => new SecretBinding { Env = e.Value }, StringComparer.Ordinal),
        };
        foreach (var p in c.Prompts)
        {
            document.Prompts[p.Name] = new PromptDefinition
            {
                Content = p.Content,
                Variables = p.Variables.Select(v => new RuntimePromptVariable { Name = v.Name, Type = v.Type, Required = v.Required, Default = v.Default }).ToList(),
            };
        }
        foreach (var t in c.Types)
        {
            document.Types[t.Name] = t.Form switch
            {
                "enum" => new TypeDefinition { Enum = t.Values.ToList() },
                "list" => new TypeDefinition { ListOf = t.ElementType },
                _ => new TypeDefinition { Fields = t.Fields.Select(Field).ToList() },
            };
        }
        foreach (var s in c.Skills)
        {
            document.Skills[s.Name] = new SkillDefinition
            {
                Description = s.Description,
                Input = s.Input.Select(Field).ToList(),
                Output = s.Output.Select(Field).ToList(),
                Tool = Tool(s.Tool),
            };
        }
        document.Agents.AddRange(c.Agents.Select(Agent));
        foreach (var s in c.Servers)
        {
            document.Servers[s.Name] = new ServerDefinition
            {
                Transport = s.Transport, Command = s.Command, Args = s.Args.ToList(), Url = s.Url,
                Env = s.Env.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), Auth = s.Auth,
            };
        }
        foreach (var k in c.Clients) document.Clients[k.Name] = new ClientDefinition { Servers = k.Servers.ToList() };
        foreach (var p in c.Pipelines)
        {
            document.Pipelines[p.Name] = new PipelineDefinition
            {
                Steps = p.Steps.Select(s => new PipelineStepDefinition
                {
                    Name = s.Name, Agent = s.Agent, Input = s.Input, Output = s.Output, DependsOn = s.DependsOn.ToList(), Parallel = s.Parallel, When = s.When,
                }).ToList(),
            };
        }
        foreach (var g in c.Guardrails)
        {
            document.Guardrails[g.Name] = new GuardrailDefinition { Mode = g.Mode, Keywords = g.Keywords.ToList(), Patterns = g.Patterns.ToList(), Fallback = g.Fallback };
        }
        foreach (var u in c.Users)
        {
            document.Users[u.Name] = new UserDefinition
            {
                KeyEnv = secretEnv.TryGetValue(u.KeySecret, out var variable) ? variable : u.KeySecret,
                Agents = u.Agents.ToList(),
                Role = u.Role,
            };
        }
        document.SpecHash = Hash(document);
        return document;
    }

    /// <summary><c>sha256:</c> of the canonical JSON of the document without <c>spec_hash</c> (deployment spec §3.3).</summary>
    public static string Hash(RuntimeDocument document)
    {
        var saved = document.SpecHash;
        document.SpecHash = null;
        try
        {
            return CanonicalJson.Hash(JsonNode.Parse(RuntimeDocumentSerializer.Serialize(document)));
        }
        finally
        {
            document.SpecHash = saved;
        }
    }

    /// <summary>
    /// The variable that holds a secret's value: the deploy <c>secrets {}</c> entry mapping to it, else <c>X</c> for
    /// <c>env(X)</c>, else <c>AGENTSPEC_SECRET_&lt;P&gt;</c> for <c>store(P)</c>.
    /// </summary>
    public static string SecretVariable(SecretReference secret, ResolvedDeploy deploy)
    {
        var mapped = deploy.Secrets.FirstOrDefault(e => e.Value == secret.Name).Key;
        if (mapped is not null) return mapped;
        if (secret.Source == "env") return secret.Key;
        var sb = new StringBuilder("AGENTSPEC_SECRET_");
        foreach (var ch in secret.Key.ToUpperInvariant()) sb.Append(char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) ? ch : '_');
        return sb.ToString();
    }

    private static AgentDefinition Agent(ResolvedAgent a) => new()
    {
        Name = a.Name,
        Fqn = a.Fqn,
        Prompt = a.Prompt.Length > 0 ? a.Prompt : null,
        Model = IsChain(a) ? null : a.Model ?? a.Models.FirstOrDefault(),
        Models = IsChain(a) ? a.Models.ToList() : null,
        Skills = a.Skills.ToList(),
        Strategy = a.Strategy,
        MaxTurns = (int)a.MaxTurns,
        Timeout = a.Timeout.Text,
        TokenBudget = a.TokenBudget,
        Temperature = a.Temperature,
        MaxTokens = (int)a.MaxTokens,
        Stream = a.Stream,
        OnError = a.OnError,
        MaxRetries = (int)a.MaxRetries,
        Fallback = a.Fallback,
        Memory = new MemorySettings { Strategy = a.Memory.Strategy, MaxMessages = (int)a.Memory.MaxMessages },
        Delegates = a.Delegates.Select(d => new DelegateRule { Agent = d.Agent, When = d.When ?? "" }).ToList(),
        Client = a.Client,
        Guardrails = a.Guardrails.ToList(),
        BudgetDaily = a.Budget.Daily,
        BudgetMonthly = a.Budget.Monthly,
        Config = a.Config.Select(p => new RuntimeConfigParameter
        {
            Name = p.Name, Type = p.Type, Required = p.Required, Secret = p.Secret,
            Default = p.Default is null ? null : JsonSerializer.SerializeToElement(p.Default),
        }).ToList(),
        Validate = a.Validate.Count == 0 ? null : JsonSerializer.SerializeToElement(a.Validate.Select(v => v.Name).ToList()),
        Eval = a.Eval.Count == 0 ? null : JsonSerializer.SerializeToElement(a.Eval.Select(e => e.Name).ToList()),
        OnInput = a.OnInput is { Count: > 0 } statements ? JsonSerializer.SerializeToElement(statements.Count) : null,
    };

    /// <summary>A real fallback chain (<c>models [...]</c>), as opposed to the one-element chain of a single <c>model</c>.</summary>
    private static bool IsChain(ResolvedAgent a) => a.Models.Count > 1 || (a.Models.Count == 1 && a.Model != a.Models[0]);

    private static RuntimeFieldDefinition Field(FieldDefinition f) => new() { Name = f.Name, Type = f.Type, Required = f.Required };

    private static RuntimeToolDefinition Tool(ResolvedTool t) => new()
    {
        Type = t.Type,
        Binary = t.Binary,
        Args = t.Args?.ToList() ?? [],
        Timeout = t.Timeout?.Text,
        Env = t.Env?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        Secrets = t.Secrets?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        Method = t.Method,
        Url = t.Url,
        Headers = t.Headers?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
        BodyTemplate = t.BodyTemplate,
        Language = t.Language,
        Code = t.Code,
        Memory = t.Memory?.Text,
        Server = t.Server,
        Name = t.ToolName,
    };
}
