using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>
/// Self references (AS2003) and cycles (AS2004) among agents, in the fallback graph and, separately, in the delegation
/// graph (<c>delegate</c> rules plus on-input <c>delegate to</c> statements), spec §3.5 and §5.3.
/// </summary>
internal static class AgentGraphRules
{
    public static void Check(ValidationContext context)
    {
        var agents = context.Document.Agents;
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < agents.Count; i++)
        {
            indexes.TryAdd(agents[i].Name, i);
        }

        var fallback = new List<List<int>>(agents.Count);
        var fallbackEdges = new List<List<SourceLocation>>(agents.Count);
        var delegation = new List<List<int>>(agents.Count);
        var delegationEdges = new List<List<SourceLocation>>(agents.Count);
        foreach (var agent in agents)
        {
            var (fallbackTargets, fallbackLocations) = (new List<int>(), new List<SourceLocation>());
            var (delegateTargets, delegateLocations) = (new List<int>(), new List<SourceLocation>());
            if (agent.FallbackName is { } name && agent.LocationOf("fallback") is { } at)
            {
                if (name == agent.Name)
                {
                    context.Report("AS2003", at, $"agent \"{agent.Name}\" cannot fall back to itself", "name another agent, or remove 'fallback'");
                }
                else if (indexes.TryGetValue(name, out var target))
                {
                    fallbackTargets.Add(target);
                    fallbackLocations.Add(at);
                }
            }

            for (var i = 0; i < agent.Delegates.Count; i++)
            {
                var location = agent.LocationOf($"delegate.{i}") ?? agent.Location;
                AddDelegation(context, agent, agent.Delegates[i].AgentName, location, indexes, delegateTargets, delegateLocations, reportSelf: true);
            }

            foreach (var item in ValidationContext.Items(agent))
            {
                if (item.Key == "on input")
                {
                    CollectInputDelegations(context, agent, item.Body?.Items ?? [], indexes, delegateTargets, delegateLocations);
                }
            }

            fallback.Add(fallbackTargets);
            fallbackEdges.Add(fallbackLocations);
            delegation.Add(delegateTargets);
            delegationEdges.Add(delegateLocations);
        }

        Report(context, agents, fallback, fallbackEdges, "fallback");
        Report(context, agents, delegation, delegationEdges, "delegation");
    }

    private static void AddDelegation(
        ValidationContext context,
        AgentDeclaration agent,
        string name,
        SourceLocation location,
        Dictionary<string, int> indexes,
        List<int> targets,
        List<SourceLocation> locations,
        bool reportSelf)
    {
        if (name == agent.Name)
        {
            if (reportSelf)
            {
                context.Report("AS2003", location, $"agent \"{agent.Name}\" cannot delegate to itself", "delegate to another agent");
            }

            return;
        }

        if (indexes.TryGetValue(name, out var target))
        {
            targets.Add(target);
            locations.Add(location);
        }
    }

    /// <summary>On-input <c>delegate to</c> statements, nested ones included (AS2003 for these is reported by <see cref="OnInputRules"/>).</summary>
    private static void CollectInputDelegations(
        ValidationContext context,
        AgentDeclaration agent,
        IReadOnlyList<ItemSyntax> statements,
        Dictionary<string, int> indexes,
        List<int> targets,
        List<SourceLocation> locations)
    {
        foreach (var statement in statements)
        {
            if (statement.Key == "delegate" && statement.Values.Count > 0)
            {
                var name = statement.Values[0];
                AddDelegation(context, agent, name.Text, new SourceLocation(agent.File, name.Range), indexes, targets, locations, reportSelf: false);
            }

            CollectInputDelegations(context, agent, statement.Body?.Items ?? [], indexes, targets, locations);
            CollectInputDelegations(context, agent, statement.Continuations, indexes, targets, locations);
        }
    }

    private static void Report(
        ValidationContext context,
        IReadOnlyList<AgentDeclaration> agents,
        List<List<int>> edges,
        List<List<SourceLocation>> locations,
        string graph)
    {
        foreach (var cycle in CycleFinder.Find(edges))
        {
            var names = cycle.Select(step => agents[step.Node].Name).Append(agents[cycle[0].Node].Name);
            var (node, edge) = cycle[0];
            context.Report("AS2004", locations[node][edge], $"circular {graph} chain: {string.Join(" -> ", names)}", "break the chain by removing one reference");
        }
    }
}
