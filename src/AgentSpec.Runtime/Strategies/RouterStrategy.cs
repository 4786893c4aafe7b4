using System.Text.Json.Nodes;
using AgentSpec.Runtime.Execution;
using AgentSpec.Runtime.Providers;

namespace AgentSpec.Runtime.Strategies;

/// <summary><c>router</c> (spec §4.6): classify, then hand the input to the chosen delegate or answer itself.</summary>
public sealed class RouterStrategy : IAgentStrategy
{
    public static RouterStrategy Instance { get; } = new();

    public async Task<LoopResult> RunAsync(AttemptContext attempt)
    {
        var rules = attempt.Agent.Definition.Delegates;
        if (rules.Count == 0) return await ReactStrategy.Instance.RunAsync(attempt).ConfigureAwait(false);
        double? temperature = ModelRouter.IsOSeries(attempt.Models.Current.ModelId) ? null : 0;
        var classification = await attempt.CallModelAsync(attempt.StartMessages(), attempt.Turns, withTools: false, internalCall: true,
            systemOverride: attempt.System + "\n\n" + PromptTexts.Route(rules), temperatureOverride: temperature, maxTokensOverride: 64).ConfigureAwait(false);
        var target = RouteAnswerParser.Parse(classification.Text, rules.Select(r => r.Agent).ToList());
        if (target is not null && attempt.Executor.ChainProblem(attempt.Request.Chain.Append(attempt.Agent.Name).ToList(), target) is not null)
        {
            target = null;
        }
        attempt.Events?.Emit("route", new JsonObject { ["agent"] = target, ["answer"] = classification.Text });
        if (target is null) return await ReactLoop.RunAsync(attempt, attempt.StartMessages(), attempt.Turns).ConfigureAwait(false);
        var nested = await attempt.Executor.InvokeNestedAsync(attempt, target, attempt.Request.Message, attempt.Request.History, "route")
            .ConfigureAwait(false);
        attempt.AddNested(nested, target, includeTurns: true);
        return new LoopResult(nested.Output, nested.StopReason, target, nested.Model);
    }
}
