namespace AgentSpec.Engine.Apply;

/// <summary>Topological order over <see cref="ResourceChange.DependsOn"/> (ties broken by address).</summary>
public static class ApplyOrder
{
    public static List<ResourceChange> Sort(IEnumerable<ResourceChange> changes)
    {
        var list = changes.OrderBy(c => c.Address, StringComparer.Ordinal).ToList();
        var byAddress = list.ToDictionary(c => c.Address, StringComparer.Ordinal);
        var result = new List<ResourceChange>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var change in list)
        {
            Visit(change);
        }

        return result;

        void Visit(ResourceChange change)
        {
            if (state.TryGetValue(change.Address, out var mark))
            {
                if (mark == 1)
                {
                    throw new InvalidOperationException($"dependency cycle through {change.Address}");
                }

                return;
            }

            state[change.Address] = 1;
            foreach (var dependency in change.DependsOn.OrderBy(d => d, StringComparer.Ordinal))
            {
                if (byAddress.TryGetValue(dependency, out var other))
                {
                    Visit(other);
                }
            }

            state[change.Address] = 2;
            result.Add(change);
        }
    }
}
