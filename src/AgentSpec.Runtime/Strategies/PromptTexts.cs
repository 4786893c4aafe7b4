using System.Text;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Strategies;

/// <summary>The exact prompt texts of spec §4.9.</summary>
public static class PromptTexts
{
    public static string Plan(int n) =>
        $"Before acting, write a numbered plan for the task: one step per line as \"1. <step>\", at most {n} steps, nothing else.";

    public static string Step(int i, int n, string step) =>
        $"Execute step {i} of {n}: {step}\nUse the tools if needed. Reply with the result of this step only. If it cannot be done, start your reply with STEP FAILED and say why.";

    public static string Replan(int i, string result) => $"Step {i} failed: {result}\nWrite a new numbered plan for the remaining work.";

    public static string Synth(string input) => $"All steps are done. Using the results above, write the final answer to the original task:\n{input}";

    public static string Critique(string input, string draft) =>
        $"Task:\n{input}\n\nResponse:\n{draft}\n\nReview the response for errors, omissions and unclear parts. If it needs no change, reply with the single word SATISFACTORY. Otherwise list the problems.";

    public static string Revise(string critique) =>
        $"Revise your response to address this critique. Reply with the complete improved response only.\n\nCritique:\n{critique}";

    public static string Route(IEnumerable<DelegateRule> rules)
    {
        var sb = new StringBuilder("Choose the agent that should handle the user's message.\nAgents:\n");
        foreach (var r in rules) sb.Append("- ").Append(r.Agent).Append(": ").Append(r.When).Append('\n');
        return sb.Append("Reply with only the agent name, or NONE if no agent fits.").ToString();
    }

    public static string Map(int i, int n, string chunk) => $"Process part {i} of {n} of the input.\n\n{chunk}";

    public static string Reduce(IReadOnlyList<string> results)
    {
        var sb = new StringBuilder($"Combine these {results.Count} partial results into one coherent answer to the original request.");
        for (var i = 0; i < results.Count; i++) sb.Append($"\n\n--- Part {i + 1} ---\n").Append(results[i]);
        return sb.ToString();
    }

    public static string Delegate(string agent, string when) => $"Hand a task to agent {agent}. Use when: {when}";
}
