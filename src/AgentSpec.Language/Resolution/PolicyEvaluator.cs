using System.Globalization;
using AgentSpec.Syntax;

namespace AgentSpec.Resolution;

/// <summary>
/// Evaluates every policy on the overlaid document for a target context (language spec §7.2–§7.4): AS4001 first
/// matching deny, AS4002 allow-list not met, AS4003 required secret or block missing.
/// </summary>
internal sealed class PolicyEvaluator
{
    private readonly Document document;
    private readonly IReadOnlyList<DeployDeclaration> context;

    public PolicyEvaluator(Document document, IReadOnlyList<DeployDeclaration> context)
    {
        this.document = document;
        this.context = context;
    }

    public IReadOnlyList<PolicyResult> Evaluate()
    {
        var results = new List<PolicyResult>();
        foreach (var policy in document.Policies)
        {
            var applies = policy.Environments is null || (document.Environment is { } selected && policy.Environments.Contains(selected));
            var violations = new List<Diagnostic>();
            if (applies)
            {
                EvaluatePolicy(policy, violations);
            }

            results.Add(new PolicyResult(policy.Name, applies, violations));
        }

        return results;
    }

    private void EvaluatePolicy(PolicyDeclaration policy, List<Diagnostic> violations)
    {
        var deploys = policy.Deploys is null ? context : context.Where(d => policy.Deploys.Contains(d.Name)).ToList();
        var agents = AgentsInScope(deploys);
        var rules = (policy.Syntax.Body?.Items ?? []).Where(i => i.Key is "deny" or "allow" or "require" && PolicyShapeChecker.IsWellFormed(i)).ToList();
        foreach (var subject in rules.Select(r => r.Values[0].Text).Distinct())
        {
            var subjectRules = rules.Where(r => r.Values[0].Text == subject).ToList();
            if (subject is "secret" or "health" or "resources" or "autoscale")
            {
                Require(policy, subject, subjectRules, deploys, violations);
                continue;
            }

            foreach (var item in Items(subject, agents, deploys))
            {
                Match(policy, subject, subjectRules, item, violations);
            }
        }
    }

    private List<AgentDeclaration> AgentsInScope(IReadOnlyList<DeployDeclaration> deploys)
    {
        if (document.Deploys.Count == 0)
        {
            return document.Agents.ToList();
        }

        var served = deploys.SelectMany(d => ServedAgents.Compute(document, d)).ToHashSet();
        return document.Agents.Where(served.Contains).ToList();
    }

    private void Match(PolicyDeclaration policy, string subject, List<ItemSyntax> rules, CheckedItem item, List<Diagnostic> violations)
    {
        var deny = rules.FirstOrDefault(r => r.Key == "deny" && GlobPattern.Matches(r.Values[1].Text, item.Value));
        if (deny is not null)
        {
            var at = RuleLocation(policy, deny);
            violations.Add(Findings.Make(
                "AS4001",
                item.Location,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"policy \"{policy.Name}\" forbids {subject} \"{item.Value}\" (rule '{RuleText(deny)}' at {at.Line}:{at.Column}): used by {item.OwnerKind} \"{item.OwnerName}\""),
                null,
                [new RelatedLocation(at.File, at.Range, $"rule of policy \"{policy.Name}\"")]));
            return;
        }

        var allows = rules.Where(r => r.Key == "allow").ToList();
        if (allows.Count == 0 || allows.Any(r => GlobPattern.Matches(r.Values[1].Text, item.Value)))
        {
            return;
        }

        var first = RuleLocation(policy, allows[0]);
        violations.Add(Findings.Make(
            "AS4002",
            item.Location,
            $"policy \"{policy.Name}\" allows only {subject} {string.Join(", ", allows.Select(r => r.Values[1].Text))}; {item.OwnerKind} \"{item.OwnerName}\" uses \"{item.Value}\"",
            null,
            [new RelatedLocation(first.File, first.Range, $"first allow rule of policy \"{policy.Name}\"")]));
    }

    private void Require(PolicyDeclaration policy, string subject, List<ItemSyntax> rules, IReadOnlyList<DeployDeclaration> deploys, List<Diagnostic> violations)
    {
        foreach (var rule in rules)
        {
            var at = RuleLocation(policy, rule);
            var related = new[] { new RelatedLocation(at.File, at.Range, $"rule of policy \"{policy.Name}\"") };
            if (subject == "secret")
            {
                var name = rule.Values[1].Text;
                if (!document.Secrets.Any(s => s.Name == name))
                {
                    violations.Add(Findings.Make(
                        "AS4003",
                        at,
                        string.Create(CultureInfo.InvariantCulture, $"policy \"{policy.Name}\" requires secret \"{name}\" (rule at {at.Line}:{at.Column}), but it is not declared"),
                        $"declare it: secret \"{name}\" {{ env(VARIABLE) }}"));
                }

                continue;
            }

            foreach (var deploy in deploys.Where(d => PolicySubjects.BlockApplies(subject, d.Kind)))
            {
                var present = subject switch
                {
                    "health" => deploy.Health is not null,
                    "resources" => deploy.Resources is not null,
                    _ => deploy.Autoscale is not null,
                };
                if (!present)
                {
                    violations.Add(Findings.Make(
                        "AS4003",
                        deploy.Location,
                        string.Create(CultureInfo.InvariantCulture, $"policy \"{policy.Name}\" requires a '{subject}' block (rule at {at.Line}:{at.Column}); deploy \"{deploy.Name}\" has none"),
                        null,
                        related));
                }
            }
        }
    }

    /// <summary>The checked items of a subject within the scope (language spec §7.1 table), in declaration order.</summary>
    private IEnumerable<CheckedItem> Items(string subject, List<AgentDeclaration> agents, IReadOnlyList<DeployDeclaration> deploys)
    {
        switch (subject)
        {
            case "model":
                foreach (var agent in agents)
                {
                    if (agent.Model is not null)
                    {
                        yield return new CheckedItem(agent.Model, agent.LocationOf("model") ?? agent.Location, "agent", agent.Name);
                    }

                    foreach (var (model, location) in ModelsOf(agent))
                    {
                        yield return new CheckedItem(model, location, "agent", agent.Name);
                    }
                }

                break;
            case "skill":
                foreach (var agent in agents)
                {
                    foreach (var (skill, location) in SkillReferences(agent))
                    {
                        yield return new CheckedItem(skill, location, "agent", agent.Name);
                    }
                }

                break;
            case "tool":
                var skills = new HashSet<SkillDeclaration>();
                foreach (var agent in agents)
                {
                    foreach (var skill in agent.Skills.OfType<SkillDeclaration>().Concat(OnInputSkills(agent)))
                    {
                        if (skill.Tool is { } tool && skills.Add(skill))
                        {
                            yield return new CheckedItem(tool.Type, skill.LocationOf("tool") ?? skill.Location, "skill", skill.Name);
                        }
                    }
                }

                break;
            case "strategy":
                foreach (var agent in agents)
                {
                    yield return new CheckedItem(agent.Strategy ?? "react", agent.Strategy is null ? agent.Location : agent.LocationOf("strategy") ?? agent.Location, "agent", agent.Name);
                }

                break;
            case "target":
                foreach (var deploy in deploys.Where(d => d.Kind is not null))
                {
                    yield return new CheckedItem(deploy.Kind ?? string.Empty, deploy.LocationOf("target") ?? deploy.Location, "deploy", deploy.Name);
                }

                break;
        }
    }

    private IEnumerable<(string Model, SourceLocation Location)> ModelsOf(AgentDeclaration agent)
    {
        if (agent.Models is null)
        {
            yield break;
        }

        var listLocation = agent.LocationOf("models") ?? agent.Location;
        var list = Findings.NodeAt<ListValueSyntax>(document, listLocation);
        for (var i = 0; i < agent.Models.Count; i++)
        {
            var location = list is not null && i < list.Elements.Count ? new SourceLocation(listLocation.File, list.Elements[i].Range) : listLocation;
            yield return (agent.Models[i], location);
        }
    }

    private IEnumerable<(string Skill, SourceLocation Location)> SkillReferences(AgentDeclaration agent)
    {
        var items = agent.Syntax.Body?.Items.Where(i => i.Key == "uses skill").ToList() ?? [];
        for (var i = 0; i < agent.SkillNames.Count; i++)
        {
            var range = i < items.Count && items[i].Values.Count > 0 ? items[i].Values[^1].Range : agent.Location.Range;
            yield return (agent.SkillNames[i], new SourceLocation(agent.File, range));
        }

        foreach (var statement in Flatten(agent.OnInput ?? []).Where(s => s.Kind == "use" && s.Name is not null))
        {
            var node = Findings.NodeAt<ItemSyntax>(document, statement.Location);
            var location = node is not null && node.Values.Count > 0 ? new SourceLocation(statement.Location.File, node.Values[0].Range) : statement.Location;
            yield return (statement.Name ?? string.Empty, location);
        }
    }

    private IEnumerable<SkillDeclaration> OnInputSkills(AgentDeclaration agent) =>
        Flatten(agent.OnInput ?? [])
            .Where(s => s.Kind == "use" && s.Name is not null)
            .Select(s => document.Skills.FirstOrDefault(k => k.Name == s.Name))
            .OfType<SkillDeclaration>();

    internal static IEnumerable<InputStatement> Flatten(IReadOnlyList<InputStatement> statements) =>
        statements.SelectMany(s => new[] { s }.Concat(Flatten(s.Body)).Concat(s.Branches.SelectMany(b => Flatten([b]))));

    private static SourceLocation RuleLocation(PolicyDeclaration policy, ItemSyntax rule) => new(policy.File, rule.Range);

    private static string RuleText(ItemSyntax rule) => $"{rule.Key} {rule.Values[0].Text} {rule.Values[1].Text}";

    private sealed record CheckedItem(string Value, SourceLocation Location, string OwnerKind, string OwnerName);
}
