using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Hosting;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Providers;
using AgentSpec.Runtime.Strategies;

namespace AgentSpec.Runtime.Execution;

/// <summary>Runs invocations (spec §4.2): prompt, attempts under deadlines, <c>on_error</c>, guardrails, metrics.</summary>
public sealed class AgentExecutor
{
    private const int MaxDepth = 4;
    private readonly RuntimeContext _runtime;
    private readonly IReadOnlyDictionary<string, ServedAgent> _agents;
    private readonly GuardrailChecker _guardrails;

    public AgentExecutor(RuntimeContext runtime, IReadOnlyDictionary<string, ServedAgent> agents, GuardrailChecker guardrails)
    {
        _runtime = runtime;
        _agents = agents;
        _guardrails = guardrails;
    }

    /// <summary>Renders the agent's system prompt; throws <see cref="PromptVariableException"/> for a missing required variable.</summary>
    public string RenderSystem(ServedAgent agent, IReadOnlyDictionary<string, string> variables)
    {
        if (agent.Prompt is null || agent.Definition.Prompt is not { Length: > 0 } name) return "";
        return PromptRenderer.Render(name, agent.Prompt, variables, agent.ConfigValues);
    }

    /// <summary>Why <paramref name="target"/> may not be invoked from <paramref name="chain"/>, or null.</summary>
    public string? ChainProblem(IReadOnlyList<string> chain, string target)
    {
        if (chain.Contains(target, StringComparer.Ordinal)) return "delegation cycle";
        if (chain.Count >= MaxDepth) return "delegation depth exceeded";
        return null;
    }

    /// <summary>Invokes <paramref name="target"/> from within an attempt (routing, delegation): same variables and correlation ID.</summary>
    public Task<InvocationOutcome> InvokeNestedAsync(AttemptContext parent, string target, string message,
        IReadOnlyList<ChatMessage> history, string source)
    {
        var request = new InvocationRequest
        {
            Agent = target,
            Message = message,
            Variables = parent.Request.Variables,
            History = history,
            CorrelationId = parent.Request.CorrelationId,
            Source = source,
            Chain = parent.Request.Chain.Append(parent.Agent.Name).ToList(),
            Events = parent.Events is null ? null : new AgentTaggingEventSink(parent.Events, target),
        };
        return InvokeAsync(request, parent.Token);
    }

    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var agent = _agents[request.Agent];
        var watch = Stopwatch.StartNew();
        string system;
        try
        {
            system = request.RenderedSystem ?? RenderSystem(agent, request.Variables);
        }
        catch (PromptVariableException ex)
        {
            throw new InvocationException("invalid_request", 400, ex.Message, agent.Name);
        }
        if (_runtime.Budgets?.Exhausted(agent) is { } exhausted)
        {
            throw new InvocationException("budget_exceeded", 429, $"{exhausted.Period} budget of agent \"{agent.Name}\" is exhausted", agent.Name);
        }
        var models = new ModelCaller(_runtime, agent.Name, agent.Routes);
        var definition = agent.Definition;
        var maxAttempts = 1 + (definition.OnError == "retry" ? definition.EffectiveMaxRetries : 0);
        InvocationException? failure = null;
        TokenUsage previousTokens = default;
        for (var attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++)
        {
            if (attemptNumber > 1)
            {
                request.Events?.Emit("retry", new JsonObject { ["attempt"] = attemptNumber, ["reason"] = failure?.Message });
                var backoff = Math.Min(10_000, 1000 * Math.Pow(2, attemptNumber - 2) * (0.5 + Random.Shared.NextDouble() * 0.5));
                await _runtime.Delay(TimeSpan.FromMilliseconds(backoff), cancellationToken).ConfigureAwait(false);
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(agent.Timeout);
            var attempt = new AttemptContext(_runtime, this, agent, request, system, models, DateTimeOffset.UtcNow + agent.Timeout, deadline.Token);
            try
            {
                var result = await StrategyFor(definition.Strategy).RunAsync(attempt).ConfigureAwait(false);
                var outcome = Complete(agent, attempt, result, models, attemptNumber, previousTokens, watch);
                Finish(agent, request, "completed", outcome.Turns, outcome.Tokens, watch, null);
                return outcome;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new InvocationException("timeout", 504, $"agent \"{agent.Name}\" timed out after {definition.Timeout}", agent.Name,
                    Partial(attempt, previousTokens), attemptNumber);
            }
            catch (OperationCanceledException)
            {
                Finish(agent, request, "cancelled", attempt.TotalTurns, previousTokens + attempt.Tokens, watch, null);
                throw;
            }
            catch (ProviderException ex)
            {
                failure = new InvocationException("provider_error", 502, _runtime.Redactor.Redact(ex.Describe()), agent.Name,
                    Partial(attempt, previousTokens), attemptNumber);
            }
            catch (InvocationException ex)
            {
                failure = new InvocationException(ex.Code, ex.Status, ex.Message, agent.Name, ex.Partial, attemptNumber);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _runtime.Log.Error("strategy failure", new LogField("correlation_id", request.CorrelationId), new LogField("agent", agent.Name),
                    new LogField("exception", ex.GetType().Name), new LogField("error", ex.Message));
                failure = new InvocationException("internal_error", 500, "internal error", agent.Name, Partial(attempt, previousTokens), attemptNumber);
            }
            previousTokens += attempt.Tokens;
        }
        var failed = failure ?? throw new InvalidOperationException("no attempt ran");
        Finish(agent, request, failed.Code == "timeout" ? "timeout" : "failed", failed.Partial?.Turns ?? 0, previousTokens, watch, failed.Code);
        if (definition.OnError == "fallback" && definition.Fallback is { } fallback && ChainProblem(request.Chain.Append(agent.Name).ToList(), fallback) is null)
        {
            return await FallbackAsync(agent, fallback, request, failed, cancellationToken).ConfigureAwait(false);
        }
        throw failed;
    }

    private async Task<InvocationOutcome> FallbackAsync(ServedAgent agent, string fallback, InvocationRequest request,
        InvocationException failure, CancellationToken cancellationToken)
    {
        _runtime.Log.Warn("agent fallback", new LogField("correlation_id", request.CorrelationId), new LogField("agent", agent.Name),
            new LogField("to_agent", fallback), new LogField("error", failure.Code));
        _runtime.Metrics.AgentFallbacks.WithLabels(agent.Name, fallback).Inc();
        var nested = await InvokeAsync(new InvocationRequest
        {
            Agent = fallback,
            Message = request.Message,
            Variables = request.Variables,
            History = request.History,
            CorrelationId = request.CorrelationId,
            Source = "fallback",
            Chain = request.Chain.Append(agent.Name).ToList(),
            Events = request.Events is null ? null : new AgentTaggingEventSink(request.Events, fallback),
        }, cancellationToken).ConfigureAwait(false);
        return new InvocationOutcome
        {
            Output = nested.Output,
            ToolCalls = nested.ToolCalls.Select(r => r.WithAgent(fallback)).ToList(),
            Tokens = nested.Tokens + (failure.Partial?.Tokens ?? default),
            Turns = nested.Turns + (failure.Partial?.Turns ?? 0),
            StopReason = nested.StopReason,
            Model = nested.Model,
            Attempts = failure.Attempts,
            DurationMs = nested.DurationMs,
            RoutedTo = nested.RoutedTo,
            HandledBy = nested.HandledBy ?? fallback,
            FallbackFrom = agent.Name,
            FallbackModels = nested.FallbackModels,
            Guardrail = nested.Guardrail,
        };
    }

    private InvocationOutcome Complete(ServedAgent agent, AttemptContext attempt, LoopResult result, ModelCaller models, int attempts,
        TokenUsage previousTokens, Stopwatch watch)
    {
        var output = result.Output;
        var stop = result.StopReason;
        var hit = _guardrails.Check(agent, output, attempt.Request.CorrelationId);
        if (hit is { Blocked: true })
        {
            output = _guardrails.FallbackText(hit.Name);
            stop = "guardrail";
        }
        return new InvocationOutcome
        {
            Output = output,
            ToolCalls = attempt.Records,
            Tokens = previousTokens + attempt.Tokens,
            Turns = attempt.TotalTurns,
            StopReason = stop,
            Model = result.Model ?? models.Current.ModelId,
            Attempts = attempts,
            DurationMs = watch.ElapsedMilliseconds,
            RoutedTo = result.RoutedTo,
            FallbackModels = models.FallbacksUsed.ToList(),
            Guardrail = hit,
        };
    }

    private static PartialResult Partial(AttemptContext attempt, TokenUsage previous)
    {
        var p = attempt.Partial();
        return p with { Tokens = p.Tokens + previous };
    }

    private void Finish(ServedAgent agent, InvocationRequest request, string status, int turns, TokenUsage tokens, Stopwatch watch, string? code)
    {
        var m = _runtime.Metrics;
        m.Invocations.WithLabels(agent.Name, status, request.Source).Inc();
        m.InvocationDuration.WithLabels(agent.Name).Observe(watch.Elapsed.TotalSeconds);
        m.InvocationTurns.WithLabels(agent.Name).Observe(turns);
        if (code is not null) m.Errors.WithLabels(agent.Name, code).Inc();
        var fields = new[]
        {
            new LogField("correlation_id", request.CorrelationId), new LogField("agent", agent.Name), new LogField("turn", turns),
            new LogField("tokens", tokens), new LogField("duration_ms", watch.ElapsedMilliseconds), new LogField("status", status),
            new LogField("error", code),
        };
        if (code is null) _runtime.Log.Info("invocation completed", fields);
        else _runtime.Log.Error("invocation failed", fields);
    }

    private static IAgentStrategy StrategyFor(string strategy) => strategy switch
    {
        "plan-and-execute" => PlanAndExecuteStrategy.Instance,
        "reflexion" => ReflexionStrategy.Instance,
        "router" => RouterStrategy.Instance,
        "map-reduce" => MapReduceStrategy.Instance,
        _ => ReactStrategy.Instance,
    };
}
