namespace AgentSpec.Resolution;

/// <summary>
/// The agents a deploy serves (language spec §10.2; deployment spec §2.3): its <c>agents</c> list (all agents when
/// absent) plus, transitively, every agent reached through <c>fallback</c>, <c>delegate</c> or on-input
/// <c>delegate to</c>. Each added agent gives an AS5022 info at the reference that brought it in.
/// </summary>
internal static class ServedAgents
{
    public static IReadOnlyList<AgentDeclaration> Compute(Document document, DeployDeclaration deploy, List<Diagnostic>? findings = null)
    {
        if (deploy.Agents is null)
        {
            return document.Agents;
        }

        var served = new HashSet<AgentDeclaration>();
        var queue = new Queue<AgentDeclaration>();
        foreach (var name in deploy.Agents)
        {
            if (document.Agents.FirstOrDefault(a => a.Name == name) is { } agent && served.Add(agent))
            {
                queue.Enqueue(agent);
            }
        }

        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var (to, verb, location) in Edges(document, from))
            {
                if (!served.Add(to))
                {
                    continue;
                }

                queue.Enqueue(to);
                findings?.Add(Findings.Make(
                    "AS5022",
                    location,
                    $"deploy \"{deploy.Name}\" also serves agent \"{to.Name}\" because agent \"{from.Name}\" {verb} it"));
            }
        }

        return document.Agents.Where(served.Contains).ToList();
    }

    /// <summary>AS5023 for each pipeline with a step whose agent the served set lacks.</summary>
    public static void CheckPipelines(Document document, DeployDeclaration deploy, IReadOnlyCollection<AgentDeclaration> served, List<Diagnostic> findings)
    {
        foreach (var pipeline in document.Pipelines)
        {
            var missing = pipeline.Steps.Select(s => s.Agent).FirstOrDefault(a => a is not null && !served.Contains(a));
            if (missing is not null)
            {
                findings.Add(Findings.Make(
                    "AS5023",
                    pipeline.Location,
                    $"pipeline \"{pipeline.Name}\" cannot run on deploy \"{deploy.Name}\": agent \"{missing.Name}\" is not served"));
            }
        }
    }

    /// <summary>True when every step of a pipeline runs a served agent.</summary>
    public static bool Runs(PipelineDeclaration pipeline, IReadOnlyCollection<AgentDeclaration> served) =>
        pipeline.Steps.All(s => s.Agent is not null && served.Contains(s.Agent));

    private static IEnumerable<(AgentDeclaration To, string Verb, SourceLocation Location)> Edges(Document document, AgentDeclaration agent)
    {
        if (agent.Fallback is { } fallback)
        {
            yield return (fallback, "falls back to", agent.LocationOf("fallback") ?? agent.Location);
        }

        for (var i = 0; i < agent.Delegates.Count; i++)
        {
            if (agent.Delegates[i].Agent is { } target)
            {
                yield return (target, "delegates to", agent.LocationOf($"delegate.{i}") ?? agent.Location);
            }
        }

        foreach (var (name, location) in OnInputDelegates(agent.OnInput ?? []))
        {
            if (document.Agents.FirstOrDefault(a => a.Name == name) is { } target)
            {
                yield return (target, "delegates to", location);
            }
        }
    }

    private static IEnumerable<(string Name, SourceLocation Location)> OnInputDelegates(IReadOnlyList<InputStatement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.Kind == "delegate" && statement.Name is not null)
            {
                yield return (statement.Name, statement.Location);
            }

            foreach (var inner in OnInputDelegates(statement.Body).Concat(statement.Branches.SelectMany(b => OnInputDelegates([b]))))
            {
                yield return inner;
            }
        }
    }
}
