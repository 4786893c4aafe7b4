using System.Reflection;
using System.Text.RegularExpressions;

namespace AgentSpec.Resolution;

/// <summary>
/// Builds the resolved configuration of one deploy (language spec §10.2) from the overlaid document: the served agents
/// and what they reach, every default of §3 applied. Values that cannot be converted (an invalid duration, cpu or memory
/// quantity the validator did not stop) are reported as their AS3009/AS5009/AS5010 errors.
/// </summary>
internal sealed partial class ConfigurationBuilder
{
    private readonly Document document;
    private readonly List<Diagnostic> findings;

    public ConfigurationBuilder(Document document, List<Diagnostic> findings)
    {
        this.document = document;
        this.findings = findings;
    }

    /// <summary>The runtime image used by kubernetes deploys without <c>image</c>: <c>agentspec/runtime:&lt;module version&gt;</c>.</summary>
    public static string RuntimeImage =>
        $"agentspec/runtime:{typeof(ConfigurationBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "latest"}";

    public ResolvedConfiguration Build(DeployDeclaration deploy, IReadOnlyList<AgentDeclaration> served, IReadOnlyList<string> policies)
    {
        var skills = ReachedSkills(served);
        var clients = document.Clients.Where(c => served.Any(a => a.Client == c)).ToList();
        var servers = document.Servers.Where(s => clients.Any(c => c.Servers.Contains(s)) || skills.Any(k => McpServer(k) == s.Name)).ToList();
        skills = document.Skills.Where(k => skills.Contains(k) || servers.Any(s => s.Exposes.Contains(k.Name))).ToList();
        var pipelines = document.Pipelines.Where(p => ServedAgents.Runs(p, served.ToHashSet())).ToList();
        var resolvedDeploy = Deploy(deploy, served);
        return new ResolvedConfiguration
        {
            Package = document.Package ?? new PackageInfo(string.Empty, null, null, new SourceLocation(string.Empty, default)),
            Environment = document.Environment,
            Agents = served.Select(Agent).ToList(),
            Prompts = document.Prompts.Where(p => served.Any(a => a.Prompt == p)).Select(Prompt).ToList(),
            Skills = skills.Select(Skill).ToList(),
            Types = document.Types.Select(Type).ToList(),
            Servers = servers.Select(Server).ToList(),
            Clients = clients.Select(c => new ResolvedClient { Name = c.Name, Servers = c.ServerNames, Metadata = c.Metadata }).ToList(),
            Guardrails = document.Guardrails.Where(g => served.Any(a => a.Guardrails.Contains(g))).Select(g => new ResolvedGuardrail
            {
                Name = g.Name, Mode = g.Mode ?? string.Empty, Keywords = g.Keywords, Patterns = g.Patterns, Fallback = g.Fallback,
            }).ToList(),
            Users = document.Users.Select(u => new ResolvedUser
            {
                Name = u.Name, KeySecret = u.Key ?? string.Empty, Agents = u.Agents ?? [], Role = u.Role ?? "invoke",
            }).ToList(),
            Pipelines = pipelines.Select(Pipeline).ToList(),
            Secrets = Secrets(skills, servers, deploy),
            Deploy = resolvedDeploy,
            State = State(),
            Policies = policies,
        };
    }

    public ResolvedDeploy Deploy(DeployDeclaration deploy, IReadOnlyList<AgentDeclaration> served)
    {
        var kind = deploy.Kind ?? string.Empty;
        var image = deploy.Image ?? kind switch
        {
            "docker" or "docker-compose" => $"agentspec-{DnsLabel.Of($"{document.Package?.Name}-{deploy.Name}")}:{(document.Package?.Version ?? "0.0.0").Replace('+', '-')}",
            "kubernetes" => RuntimeImage,
            _ => null,
        };
        return new ResolvedDeploy
        {
            Name = deploy.Name,
            Target = kind,
            Port = deploy.Port ?? 8080,
            Replicas = deploy.Replicas ?? 1,
            Image = image,
            Namespace = kind == "kubernetes" ? deploy.Namespace ?? "default" : null,
            Resources = deploy.Resources is { } r
                ? new ResolvedResources
                {
                    Cpu = r.Cpu is null ? null : Convert(CpuQuantity.TryParse(r.Cpu), deploy, "resources.cpu", "AS5009", $"invalid cpu quantity \"{r.Cpu}\""),
                    Memory = r.Memory is null ? null : Convert(MemoryQuantity.TryParse(r.Memory), deploy, "resources.memory", "AS5010", $"invalid memory quantity \"{r.Memory}\""),
                }
                : null,
            Health = deploy.Health is { } h
                ? new ResolvedHealth
                {
                    Path = h.Path ?? "/healthz",
                    Interval = DurationOf(h.Interval ?? "30s", deploy, "health.interval", "interval"),
                    Timeout = DurationOf(h.Timeout ?? "5s", deploy, "health.timeout", "timeout"),
                }
                : null,
            Autoscale = deploy.Autoscale is { } a
                ? new ResolvedAutoscale { Min = a.Min ?? 1, Max = a.Max ?? a.Min ?? 1, Metric = a.Metric ?? "cpu", Target = a.Target ?? 80 }
                : null,
            Env = deploy.Env,
            Secrets = deploy.Secrets,
            Agents = served.Select(a => a.Name).ToList(),
        };
    }

    private ResolvedAgent Agent(AgentDeclaration a)
    {
        var onError = a.OnError ?? "fail";
        return new ResolvedAgent
        {
            Name = a.Name,
            Fqn = a.Fqn,
            Prompt = a.PromptName ?? string.Empty,
            Skills = a.SkillNames,
            Model = a.Model,
            Models = a.Models ?? (a.Model is null ? [] : [a.Model]),
            MaxTokens = a.MaxTokens ?? 4096,
            Strategy = a.Strategy ?? "react",
            MaxTurns = a.MaxTurns ?? 10,
            Timeout = DurationOf(a.Timeout ?? "30s", a, "timeout", "timeout"),
            TokenBudget = a.TokenBudget ?? 100000,
            Temperature = a.Temperature,
            Stream = a.Stream ?? false,
            OnError = onError,
            MaxRetries = a.MaxRetries ?? (onError == "retry" ? 3 : 0),
            Fallback = a.FallbackName,
            Memory = new ResolvedMemory { Strategy = a.Memory?.Strategy ?? "sliding_window", MaxMessages = a.Memory?.MaxMessages ?? 50 },
            Delegates = a.Delegates.Select(d => new ResolvedDelegate { Agent = d.AgentName, When = d.When }).ToList(),
            Client = a.ClientName,
            Guardrails = a.GuardrailNames,
            Budget = new ResolvedBudget { Daily = a.BudgetDaily, Monthly = a.BudgetMonthly },
            Config = a.Config,
            Validate = a.Validate.Select(r => new ResolvedValidationRule
            {
                Name = r.Name, Severity = r.Severity ?? "error", MaxRetries = r.MaxRetries ?? 3, Message = r.Message, When = r.When,
            }).ToList(),
            Eval = a.Eval.Select(e => new ResolvedEvalCase
            {
                Name = e.Name,
                Input = e.Input ?? string.Empty,
                Expect = e.Expect ?? string.Empty,
                Scoring = e.Scoring ?? "semantic",
                Threshold = e.Threshold ?? 0.8,
                Tags = e.Tags,
            }).ToList(),
            OnInput = a.OnInput,
            Metadata = a.Metadata,
        };
    }

    private static ResolvedPrompt Prompt(PromptDeclaration p) => new()
    {
        Name = p.Name, Content = p.Content ?? string.Empty, Version = p.Version, Variables = p.Variables, Metadata = p.Metadata,
    };

    private ResolvedSkill Skill(SkillDeclaration s) => new()
    {
        Name = s.Name,
        Description = s.Description ?? string.Empty,
        Input = s.Input,
        Output = s.Output,
        Tool = Tool(s),
        Metadata = s.Metadata,
    };

    private ResolvedTool Tool(SkillDeclaration skill)
    {
        var t = skill.Tool ?? new ToolDefinition();
        switch (t.Type)
        {
            case "mcp":
                var reference = t.McpReference ?? string.Empty;
                var slash = reference.IndexOf('/', StringComparison.Ordinal);
                return new ResolvedTool
                {
                    Type = "mcp",
                    Server = slash < 0 ? reference : reference[..slash],
                    ToolName = slash < 0 ? string.Empty : reference[(slash + 1)..],
                };
            case "http":
                return new ResolvedTool
                {
                    Type = "http",
                    Method = t.Method ?? "GET",
                    Url = t.Url,
                    Headers = t.Headers,
                    BodyTemplate = t.BodyTemplate,
                    Timeout = DurationOf(t.Timeout ?? "30s", skill, "tool.timeout", "timeout"),
                };
            case "inline":
                return new ResolvedTool
                {
                    Type = "inline",
                    Language = t.Language,
                    Code = t.Code,
                    Timeout = DurationOf(t.Timeout ?? "10s", skill, "tool.timeout", "timeout"),
                    Memory = InlineMemory(skill, t),
                };
            default:
                return new ResolvedTool
                {
                    Type = "command",
                    Binary = t.Binary,
                    Args = t.Args ?? [],
                    Timeout = DurationOf(t.Timeout ?? "30s", skill, "tool.timeout", "timeout"),
                    Env = t.Env,
                    Secrets = t.Secrets,
                };
        }
    }

    private MemoryQuantity? InlineMemory(SkillDeclaration skill, ToolDefinition tool)
    {
        if (tool.Memory is null)
        {
            var mebibytes = tool.Language switch
            {
                "javascript" or "js" or "node" => 128,
                "powershell" or "pwsh" => 256,
                _ => 64,
            };
            return MemoryQuantity.FromMebibytes($"{mebibytes}Mi", mebibytes);
        }

        if (tool.Memory.All(char.IsAsciiDigit) && long.TryParse(tool.Memory, out var written))
        {
            return MemoryQuantity.FromMebibytes(tool.Memory, written);
        }

        return Convert(MemoryQuantity.TryParse(tool.Memory), skill, "tool.memory", "AS5010", $"invalid memory quantity \"{tool.Memory}\"");
    }

    private static ResolvedType Type(TypeDeclaration t) => new()
    {
        Name = t.Name, Form = t.Form, Fields = t.Fields, Values = t.Values, ElementType = t.ElementType,
    };

    private static ResolvedServer Server(ServerDeclaration s) => new()
    {
        Name = s.Name,
        Transport = s.Transport ?? string.Empty,
        Command = s.Command,
        Args = s.Args ?? [],
        Url = s.Url,
        Auth = s.AuthSecretName,
        Exposes = s.Exposes,
        Env = s.Env,
        Metadata = s.Metadata,
    };

    private static ResolvedPipeline Pipeline(PipelineDeclaration p) => new()
    {
        Name = p.Name,
        Steps = p.Steps.Select(s => new ResolvedPipelineStep
        {
            Name = s.Name,
            Agent = s.AgentName ?? string.Empty,
            Input = s.Input,
            Output = s.Output,
            DependsOn = s.DependsOn,
            Parallel = s.Parallel ?? false,
            When = s.When,
        }).ToList(),
    };

    private ResolvedState State()
    {
        var state = document.State;
        var type = state?.Type ?? "local";
        var properties = new Dictionary<string, string>(state?.Properties ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (type == "local" && !properties.ContainsKey("path"))
        {
            properties["path"] = ".agentspec.state.json";
        }

        return new ResolvedState { Type = type, Properties = properties };
    }

    /// <summary>Skills the served agents use (<c>uses skill</c> and on-input <c>use skill</c>), in declaration order.</summary>
    private List<SkillDeclaration> ReachedSkills(IReadOnlyList<AgentDeclaration> served)
    {
        var names = served.SelectMany(a => a.SkillNames.Concat(
            PolicyEvaluator.Flatten(a.OnInput ?? []).Where(s => s.Kind == "use" && s.Name is not null).Select(s => s.Name ?? string.Empty))).ToHashSet(StringComparer.Ordinal);
        return document.Skills.Where(s => names.Contains(s.Name)).ToList();
    }

    private static string? McpServer(SkillDeclaration skill) =>
        skill.Tool is { Type: "mcp", McpReference: { } reference } && reference.IndexOf('/', StringComparison.Ordinal) is var slash && slash > 0
            ? reference[..slash]
            : null;

    /// <summary>Secrets referenced by the resolved objects or the deploy, plus implicit user-key secrets (language spec §10.2).</summary>
    private List<SecretReference> Secrets(List<SkillDeclaration> skills, List<ServerDeclaration> servers, DeployDeclaration deploy)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            if (skill.Tool is not { } tool)
            {
                continue;
            }

            names.UnionWith(tool.Secrets.Values);
            if (tool.Type == "http")
            {
                foreach (var text in new[] { tool.Url, tool.BodyTemplate }.Concat(tool.Headers.Values).OfType<string>())
                {
                    foreach (Match m in Placeholder().Matches(text))
                    {
                        names.Add(m.Groups[1].Value);
                    }
                }
            }
        }

        names.UnionWith(servers.Select(s => s.AuthSecretName).OfType<string>());
        names.UnionWith(deploy.Secrets.Values);
        var keys = document.Users.Select(u => u.Key).OfType<string>().ToList();
        names.UnionWith(keys);
        var declared = document.Secrets
            .Where(s => names.Contains(s.Name))
            .Select(s => new SecretReference { Name = s.Name, Source = s.Source ?? "env", Key = s.Key ?? string.Empty })
            .ToList();
        var implicitKeys = keys.Distinct(StringComparer.Ordinal)
            .Where(k => document.Secrets.All(s => s.Name != k))
            .Select(k => new SecretReference { Name = k, Source = "env", Key = k });
        return [.. declared, .. implicitKeys];
    }

    private Duration DurationOf(string text, Declaration owner, string path, string attribute) =>
        Convert(Duration.TryParse(text), owner, path, "AS3009", $"invalid duration \"{text}\" for '{attribute}'") ?? Duration.Parse("30s");

    private T? Convert<T>(T? value, Declaration owner, string path, string code, string message)
        where T : class
    {
        if (value is null)
        {
            findings.Add(Findings.Make(code, owner.LocationOf(path) ?? owner.Location, message));
        }

        return value;
    }

    [GeneratedRegex(@"\{\{\s*(?:secrets\.)?([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
