using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>
/// Resolves every reference form of spec §4.2 against the symbol tables, links the target objects, and reports
/// AS2002 (with did-you-mean), AS2018, AS2019 and AS2022.
/// </summary>
internal sealed class ReferenceResolver
{
    private static readonly string[] ScalarTypes = ["string", "int", "float", "bool"];
    private readonly SymbolTable symbols;

    public ReferenceResolver(SymbolTable symbols)
    {
        this.symbols = symbols;
    }

    public void Resolve(Declaration declaration)
    {
        var file = symbols.FileOf(declaration);
        switch (declaration)
        {
            case AgentDeclaration agent:
                ResolveAgent(agent, file);
                break;
            case SkillDeclaration skill:
                ResolveSkill(skill, file);
                break;
            case ServerDeclaration server:
                server.Auth = Find<SecretDeclaration>("secret", server.AuthSecretName, server, "auth", file);
                for (var i = 0; i < server.Exposes.Count; i++)
                {
                    Find<SkillDeclaration>("skill", server.Exposes[i], server, "exposes", file);
                }

                break;
            case ClientDeclaration client:
                client.Servers = client.ServerNames
                    .Select((name, i) => Find<ServerDeclaration>("server", name, client, $"connects.{i}", file))
                    .ToList();
                break;
            case UserDeclaration user:
                ResolveUser(user, file);
                break;
            case PipelineDeclaration pipeline:
                foreach (var step in pipeline.Steps)
                {
                    step.Agent = Find<AgentDeclaration>("agent", step.AgentName, pipeline, null, file, StepAgentRange(pipeline, step));
                }

                break;
            case DeployDeclaration deploy:
                ResolveList(deploy.Agents, "agent", deploy, "agents", file);
                ResolveMapValues(deploy.Secrets, deploy, "secrets", file);
                break;
            case PolicyDeclaration policy:
                ResolveList(policy.Environments, "environment", policy, "environments", file);
                ResolveList(policy.Deploys, "deploy", policy, "deploys", file);
                break;
            case TypeDeclaration type:
                foreach (var field in type.Fields)
                {
                    CheckType(field.Type, declaration, file);
                }

                if (type.ElementType is not null)
                {
                    CheckType(type.ElementType, declaration, file, declaration.LocationOf("list")?.Range);
                }

                break;
        }
    }

    private void ResolveAgent(AgentDeclaration agent, SourceFile file)
    {
        agent.Prompt = Find<PromptDeclaration>("prompt", agent.PromptName, agent, "uses prompt", file);
        // Ranges of references are looked up in the syntax only when a reference is missing.
        var skills = new List<SkillDeclaration?>(agent.SkillNames.Count);
        for (var i = 0; i < agent.SkillNames.Count; i++)
        {
            var name = agent.SkillNames[i];
            skills.Add(Lookup<SkillDeclaration>("skill", name, file) ??
                       Missing<SkillDeclaration>("skill", name, agent, $"uses skill.{i}", file, ReferenceRange(agent, "uses skill", i)));
        }

        agent.Skills = skills;
        var guardrails = new List<GuardrailDeclaration?>(agent.GuardrailNames.Count);
        for (var i = 0; i < agent.GuardrailNames.Count; i++)
        {
            var name = agent.GuardrailNames[i];
            guardrails.Add(Lookup<GuardrailDeclaration>("guardrail", name, file) ??
                           Missing<GuardrailDeclaration>("guardrail", name, agent, null, file, ReferenceRange(agent, "uses guardrail", i)));
        }

        agent.Guardrails = guardrails;
        agent.Client = Find<ClientDeclaration>("client", agent.ClientName, agent, "connects", file);
        agent.Fallback = Find<AgentDeclaration>("agent", agent.FallbackName, agent, "fallback", file);
        for (var i = 0; i < agent.Delegates.Count; i++)
        {
            agent.Delegates[i].Agent = Find<AgentDeclaration>("agent", agent.Delegates[i].AgentName, agent, $"delegate.{i}", file);
        }

        if (agent.OnInput is not null)
        {
            var items = agent.Syntax.Body?.Items.Where(i => i.Key == "on input").LastOrDefault()?.Body?.Items ?? [];
            ResolveStatements(agent, agent.OnInput, items, file);
        }
    }

    private void ResolveStatements(AgentDeclaration agent, IReadOnlyList<InputStatement> statements, IReadOnlyList<ItemSyntax> items, SourceFile file)
    {
        for (var i = 0; i < statements.Count && i < items.Count; i++)
        {
            var statement = statements[i];
            var item = items[i];
            var nameRange = item.Values.Count > 0 ? item.Values[0].Range : item.Range;
            if (statement.Kind == "use" && statement.Name is not null)
            {
                var skill = Find<SkillDeclaration>("skill", statement.Name, agent, null, file, nameRange);
                if (skill is not null && !agent.SkillNames.Contains(statement.Name))
                {
                    file.Diagnostics.Add(
                        "AS2018",
                        nameRange,
                        $"agent \"{agent.Name}\" runs skill \"{statement.Name}\" in 'on input' but does not declare 'uses skill \"{statement.Name}\"'",
                        $"add 'uses skill \"{statement.Name}\"' to the agent");
                }
            }
            else if (statement.Kind == "delegate" && statement.Name is not null)
            {
                Find<AgentDeclaration>("agent", statement.Name, agent, null, file, nameRange);
            }

            ResolveStatements(agent, statement.Body, item.Body?.Items ?? [], file);
            for (var b = 0; b < statement.Branches.Count && b < item.Continuations.Count; b++)
            {
                ResolveStatements(agent, statement.Branches[b].Body, item.Continuations[b].Body?.Items ?? [], file);
            }
        }
    }

    private void ResolveSkill(SkillDeclaration skill, SourceFile file)
    {
        foreach (var field in skill.Input)
        {
            if (!IsKnownType(field.Type))
            {
                ReportUnknownType(field.Type, skill, file, FieldTypeRange(skill, field));
            }
        }

        foreach (var field in skill.Output)
        {
            if (!IsKnownType(field.Type))
            {
                ReportUnknownType(field.Type, skill, file, FieldTypeRange(skill, field));
            }
        }

        var tool = skill.Tool;
        if (tool is null)
        {
            return;
        }

        if (tool.McpReference is { } reference && reference.IndexOf('/', StringComparison.Ordinal) is var slash && slash > 0)
        {
            Find<ServerDeclaration>("server", reference[..slash], skill, "tool", file, skill.Syntax.Body?.Items
                .LastOrDefault(i => i.Key == "tool")?.Values.LastOrDefault()?.Range);
        }

        ResolveMapValues(tool.Secrets, skill, "tool.secrets", file);
    }

    private void ResolveUser(UserDeclaration user, SourceFile file)
    {
        ResolveList(user.Agents, "agent", user, "agents", file);
        if (user.Key is null || symbols.Find<SecretDeclaration>("secret", user.Key) is not null)
        {
            return;
        }

        var range = user.LocationOf("key")?.Range ?? user.Location.Range;
        file.Diagnostics.Add(
            "AS2022",
            range,
            $"user \"{user.Name}\" key \"{user.Key}\" is not a declared secret; it is read from environment variable {user.Key}");
    }

    private void ResolveList(IReadOnlyList<string>? names, string kind, Declaration owner, string attribute, SourceFile file)
    {
        if (names is null)
        {
            return;
        }

        ListValueSyntax? list = null;
        var listFound = false;
        for (var i = 0; i < names.Count; i++)
        {
            if (Lookup<Declaration>(kind, names[i], file) is not null)
            {
                continue;
            }

            if (!listFound)
            {
                list = owner.Syntax.Body?.Items.LastOrDefault(item => item.Key == attribute)?.Values.LastOrDefault() as ListValueSyntax;
                listFound = true;
            }

            var range = list is not null && i < list.Elements.Count ? list.Elements[i].Range : owner.LocationOf(attribute)?.Range;
            Missing<Declaration>(kind, names[i], owner, null, file, range);
        }
    }

    private void ResolveMapValues(IReadOnlyDictionary<string, string> map, Declaration owner, string attribute, SourceFile file)
    {
        foreach (var (key, secret) in map)
        {
            if (Lookup<SecretDeclaration>("secret", secret, file) is null)
            {
                Missing<SecretDeclaration>("secret", secret, owner, null, file, MapValueRange(owner, attribute, key));
            }
        }
    }

    private void CheckType(string type, Declaration owner, SourceFile file, SourceRange? range = null)
    {
        if (!IsKnownType(type))
        {
            ReportUnknownType(type, owner, file, range);
        }
    }

    private bool IsKnownType(string type) => ScalarTypes.Contains(type) || symbols.Find<TypeDeclaration>("type", type) is not null;

    private void ReportUnknownType(string type, Declaration owner, SourceFile file, SourceRange? range)
    {
        var candidates = ScalarTypes.Concat(symbols.Names("type")).ToList();
        file.Diagnostics.Add("AS2019", range ?? owner.Location.Range, $"unknown type '{type}'", DidYouMean.Hint(type, candidates));
    }

    /// <summary>Looks a name up; reports AS2002 at the reference when it is missing.</summary>
    private T? Find<T>(string kind, string? name, Declaration owner, string? path, SourceFile file, SourceRange? range = null)
        where T : Declaration =>
        Lookup<T>(kind, name, file) ?? Missing<T>(kind, name, owner, path, file, range);

    /// <summary>The declaration a name refers to, when it exists and is a <typeparamref name="T"/>.</summary>
    private T? Lookup<T>(string kind, string? name, SourceFile file)
        where T : Declaration =>
        name is null ? null : (symbols.Find<Declaration>(kind, name) ?? Qualified(kind, name, file)) as T;

    /// <summary>Reports AS2002 for a name that <see cref="Lookup{T}"/> did not find (nothing for a null name); returns null.</summary>
    private T? Missing<T>(string kind, string? name, Declaration owner, string? path, SourceFile file, SourceRange? range)
        where T : Declaration
    {
        if (name is null)
        {
            return null;
        }

        var at = range ?? (path is null ? null : owner.LocationOf(path)?.Range) ?? owner.Location.Range;
        file.Diagnostics.Add(
            "AS2002",
            at,
            $"{kind} \"{name}\" not found",
            DidYouMean.Hint(name, symbols.Names(kind), whenEmpty: $"no {kind} is declared"));
        return null;
    }

    /// <summary><c>"alias.name"</c> resolves to <c>name</c> declared in the files reached through that import (spec §4.3).</summary>
    private Declaration? Qualified(string kind, string name, SourceFile file)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !file.Aliases.TryGetValue(name[..dot], out var files))
        {
            return null;
        }

        var target = symbols.Find<Declaration>(kind, name[(dot + 1)..]);
        return target is not null && files.Contains(symbols.FileOf(target)) ? target : null;
    }

    private static SourceRange? ReferenceRange(Declaration owner, string key, int index) =>
        owner.Syntax.Body?.Items.Where(i => i.Key == key).ElementAtOrDefault(index)?.Values.LastOrDefault()?.Range;

    private static SourceRange? StepAgentRange(PipelineDeclaration pipeline, PipelineStep step) =>
        pipeline.Syntax.Body?.Items
            .FirstOrDefault(i => i.Key == "step" && i.Values.Count > 0 && i.Values[0].Text == step.Name)?
            .Body?.Items.LastOrDefault(i => i.Key == "agent")?.Values.LastOrDefault()?.Range;

    private static SourceRange? FieldTypeRange(SkillDeclaration skill, FieldDefinition field) =>
        skill.Syntax.Body?.Items
            .Where(i => i.Key is "input" or "output")
            .SelectMany(i => i.Body?.Items ?? [])
            .FirstOrDefault(e => e.Values.Count > 1 && e.Values[0].Text == field.Name && e.Values[1].Text == field.Type)?
            .Values[1].Range;

    private static SourceRange? MapValueRange(Declaration owner, string attribute, string key)
    {
        var items = owner.Syntax.Body?.Items ?? [];
        if (attribute == "tool.secrets")
        {
            items = items.LastOrDefault(i => i.Key == "tool")?.Body?.Items ?? [];
            attribute = "secrets";
        }

        return items.LastOrDefault(i => i.Key == attribute)?.Body?.Items
            .LastOrDefault(e => ValueReader.EntryKey(e) == key)?.Values.LastOrDefault()?.Range;
    }
}
