using System.Text.RegularExpressions;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Execution;

/// <summary>Checks final outputs against an agent's guardrails (spec §4.13).</summary>
public sealed class GuardrailChecker
{
    private readonly RuntimeContext _runtime;
    private readonly Dictionary<string, (GuardrailDefinition Definition, List<Regex> Patterns)> _guardrails = new(StringComparer.Ordinal);

    /// <summary>Compiles every pattern; an invalid one throws <see cref="FormatException"/> (a configuration error).</summary>
    public GuardrailChecker(RuntimeContext runtime)
    {
        _runtime = runtime;
        foreach (var (name, g) in runtime.Document.Guardrails)
        {
            var patterns = new List<Regex>();
            foreach (var p in g.Patterns)
            {
                try
                {
                    patterns.Add(new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
                }
                catch (ArgumentException ex)
                {
                    throw new FormatException($"guardrail \"{name}\": invalid pattern \"{p}\": {ex.Message}");
                }
            }
            _guardrails[name] = (g, patterns);
        }
    }

    public string FallbackText(string guardrail) => _guardrails[guardrail].Definition.Fallback ?? "";

    /// <summary>The first guardrail that matches, after counting and logging every match.</summary>
    public GuardrailHit? Check(ServedAgent agent, string output, string correlationId)
    {
        GuardrailHit? first = null;
        foreach (var name in agent.Definition.Guardrails)
        {
            var (definition, patterns) = _guardrails[name];
            var matched = definition.Keywords.Any(k => output.Contains(k, StringComparison.OrdinalIgnoreCase))
                || patterns.Any(p => SafeMatch(p, output));
            if (!matched) continue;
            var blocked = definition.Mode == "block";
            _runtime.Metrics.GuardrailViolations.WithLabels(agent.Name, name, definition.Mode).Inc();
            _runtime.Log.Warn("guardrail violation", new LogField("correlation_id", correlationId), new LogField("agent", agent.Name),
                new LogField("guardrail", name), new LogField("mode", definition.Mode));
            first ??= new GuardrailHit(name, definition.Mode, blocked);
            if (blocked && !first.Blocked) first = new GuardrailHit(name, definition.Mode, true);
        }
        return first;
    }

    private static bool SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
