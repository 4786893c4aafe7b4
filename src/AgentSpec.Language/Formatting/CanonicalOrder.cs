using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>
/// The canonical slot order of the items of each body (spec §9.3). Items that share a slot keep their source order;
/// bodies without a table (maps, entries, environments, overrides, on input, …) keep source order.
/// </summary>
internal static class CanonicalOrder
{
    private static readonly Dictionary<BlockKind, Dictionary<string, int>> Slots = new()
    {
        [BlockKind.Prompt] = Table("content", "version", "variables", "metadata"),
        [BlockKind.Skill] = Table("description", "input", "output", "execution", "tool", "metadata"),
        [BlockKind.HttpTool] = Table("method", "url", "headers", "body_template", "timeout"),
        [BlockKind.CommandTool] = Table("binary", "args", "timeout", "env", "secrets"),
        [BlockKind.InlineTool] = Table("language", "code", "timeout", "memory"),
        [BlockKind.Agent] = Table(
            "uses prompt", "uses skill", "model", "models", "budget daily", "budget monthly", "uses guardrail", "connects",
            "strategy", "max_turns", "timeout", "token_budget", "max_tokens", "temperature", "stream", "on_error",
            "max_retries", "fallback", "memory", "delegate", "config", "validate", "eval", "on input", "metadata"),
        [BlockKind.Memory] = Table("strategy", "max_messages"),
        [BlockKind.EvalCase] = Table("input", "expect", "scoring", "threshold", "tags"),
        [BlockKind.Policy] = Table("environments", "deploys", "deny|allow|require"),
        [BlockKind.Deploy] = Table(
            "port", "default", "agents", "namespace", "replicas", "image", "resources", "health", "autoscale", "env", "secrets"),
        [BlockKind.Resources] = Table("cpu", "memory"),
        [BlockKind.Health] = Table("path", "interval", "timeout"),
        [BlockKind.Autoscale] = Table("min", "max", "metric", "target"),
        [BlockKind.Step] = Table("agent", "input", "output", "depends_on", "parallel", "when"),
        [BlockKind.Server] = Table("transport", "command", "args", "url", "auth", "exposes", "env", "metadata"),
        [BlockKind.Client] = Table("connects", "metadata"),
        [BlockKind.User] = Table("key", "agents", "role"),
        [BlockKind.Guardrail] = Table("mode", "keywords", "patterns", "fallback"),
        [BlockKind.State] = Table("type", "entry"),
        [BlockKind.Binding] = Table("default", "adapter|entry"),
    };

    /// <summary>The items of a body in canonical order (the body's own list when it is already in order).</summary>
    public static IReadOnlyList<ItemSyntax> Order(BodySyntax body)
    {
        var items = body.Items;
        if (items.Count < 2 || !Slots.TryGetValue(body.Kind, out var table))
        {
            return items;
        }

        var previous = -1;
        var sorted = true;
        for (var i = 0; i < items.Count; i++)
        {
            var slot = table.TryGetValue(items[i].Key, out var s) ? s : table.Count;
            if (slot < previous)
            {
                sorted = false;
                break;
            }

            previous = slot;
        }

        if (sorted)
        {
            return items;
        }

        var keys = new long[items.Count];
        var ordered = new ItemSyntax[items.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var slot = table.TryGetValue(items[i].Key, out var s) ? s : table.Count;
            keys[i] = ((long)slot << 32) | (uint)i;
            ordered[i] = items[i];
        }

        Array.Sort(keys, ordered);
        return ordered;
    }

    /// <summary>Builds a slot table; <c>a|b</c> puts several keys in one slot.</summary>
    private static Dictionary<string, int> Table(params string[] slots)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < slots.Length; i++)
        {
            foreach (var key in slots[i].Split('|'))
            {
                table[key] = i;
            }
        }

        return table;
    }
}
