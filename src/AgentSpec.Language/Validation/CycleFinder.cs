namespace AgentSpec.Validation;

/// <summary>
/// Finds cycles in a directed graph of nodes 0..n-1 whose edges are kept in source order: one cycle per strongly
/// connected component, starting at the component's lowest node and following edges in list order. Linear time.
/// </summary>
internal static class CycleFinder
{
    /// <summary>Each cycle as the edge indexes (into the node's edge list) taken, with the node sequence.</summary>
    public static IReadOnlyList<IReadOnlyList<(int Node, int Edge)>> Find(IReadOnlyList<IReadOnlyList<int>> edges)
    {
        var component = Components(edges);
        var cycles = new List<IReadOnlyList<(int Node, int Edge)>>();
        var reported = new HashSet<int>();
        for (var node = 0; node < edges.Count; node++)
        {
            var id = component[node];
            if (reported.Contains(id) || !HasInnerEdge(edges, component, node))
            {
                continue;
            }

            reported.Add(id);
            var cycle = Walk(edges, component, node);
            if (cycle is not null)
            {
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    private static bool HasInnerEdge(IReadOnlyList<IReadOnlyList<int>> edges, int[] component, int node)
    {
        foreach (var target in edges[node])
        {
            if (target != node && component[target] == component[node])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A depth-first walk inside the start's component, edges in list order, until it returns to the start.</summary>
    private static List<(int Node, int Edge)>? Walk(IReadOnlyList<IReadOnlyList<int>> edges, int[] component, int start)
    {
        var visited = new HashSet<int> { start };
        var path = new List<(int Node, int Edge)>();
        var next = new Stack<int>();
        next.Push(0);
        var current = start;
        while (true)
        {
            var edge = next.Pop();
            var list = edges[current];
            var advanced = false;
            for (; edge < list.Count; edge++)
            {
                var target = list[edge];
                if (target == current || component[target] != component[start])
                {
                    continue;
                }

                if (target == start)
                {
                    path.Add((current, edge));
                    return path;
                }

                if (visited.Add(target))
                {
                    path.Add((current, edge));
                    next.Push(edge + 1);
                    next.Push(0);
                    current = target;
                    advanced = true;
                    break;
                }
            }

            if (advanced)
            {
                continue;
            }

            if (path.Count == 0)
            {
                return null;
            }

            current = path[^1].Node;
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>Iterative Tarjan: the strongly connected component id of every node.</summary>
    private static int[] Components(IReadOnlyList<IReadOnlyList<int>> edges)
    {
        var count = edges.Count;
        var index = new int[count];
        var low = new int[count];
        var component = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Edge)>();
        var counter = 0;
        var components = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0 && index[node] < 0)
                {
                    index[node] = low[node] = counter++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                var list = edges[node];
                var descended = false;
                for (; edge < list.Count; edge++)
                {
                    var target = list[edge];
                    if (index[target] < 0)
                    {
                        work.Push((node, edge + 1));
                        work.Push((target, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[node] == index[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = components;
                    }
                    while (member != node);
                    components++;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return component;
    }
}
