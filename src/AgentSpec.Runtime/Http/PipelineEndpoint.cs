using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Pipelines;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary><c>POST /v1/pipelines/{name}/run</c> (spec §2.10): 200 with per-step results even when a step fails.</summary>
public static class PipelineEndpoint
{
    public static async Task HandleAsync(HttpContext context, ApiState state, RequestInfo info, string name)
    {
        if (!state.Runtime.Document.Pipelines.TryGetValue(name, out var pipeline)) throw ApiException.NotFound($"pipeline \"{name}\" not found");
        if (pipeline.Steps.Any(s => !info.MayUse(s.Agent))) throw new ApiException(403, "forbidden", $"not allowed to use every agent of pipeline \"{name}\"");
        Admission.RateLimit(context, state, info);
        var raw = await RequestBodyReader.ReadObjectAsync(context, state.Runtime.Settings.MaxBodyBytes, allowEmpty: false).ConfigureAwait(false);
        var body = raw ?? throw ApiException.BadRequest("request body must be a JSON object");
        var hasInput = body.TryGetProperty("input", out var inputElement) && inputElement.ValueKind != JsonValueKind.Null;
        var hasTrigger = body.TryGetProperty("trigger", out var trigger);
        if (hasInput == hasTrigger) throw ApiException.BadRequest("give exactly one of \"input\" and \"trigger\"");
        if (hasInput && inputElement.ValueKind != JsonValueKind.String) throw ApiException.BadRequest("\"input\" must be a string");
        var input = hasInput ? inputElement.GetString() ?? "" : JsonSerializer.Serialize(trigger);
        if (!state.TryEnterInvocation())
        {
            throw new ApiException(503, "unavailable", "too many invocations in flight", null, new Dictionary<string, string> { ["Retry-After"] = "1" });
        }
        try
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Runtime.ShutdownCancellation.Token);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Dictionary<string, PipelineStepResult> results;
            try
            {
                results = await new PipelineRunner(state.Executor, state.Runtime.Settings.MapConcurrency)
                    .RunAsync(pipeline, input, info.CorrelationId, cancellation.Token).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                state.Runtime.Log.Error("pipeline failure", new LogField("correlation_id", info.CorrelationId), new LogField("error", ex.Message));
                throw new ApiException(500, "internal_error", "internal error");
            }
            var status = results.Values.Any(r => r.Status == "failed") ? "failed" : "completed";
            var tokens = default(TokenUsage);
            var steps = new JsonObject();
            foreach (var step in pipeline.Steps)
            {
                var r = results[step.Name];
                state.Runtime.Metrics.PipelineSteps.WithLabels(name, step.Name, r.Status).Inc();
                var item = new JsonObject { ["agent"] = r.Agent, ["status"] = r.Status };
                if (r.Outcome is { } o)
                {
                    tokens += o.Tokens;
                    item["output"] = o.Output;
                    item["duration_ms"] = r.DurationMs;
                    item["turns"] = o.Turns;
                    item["tokens"] = new JsonObject { ["input"] = o.Tokens.Input, ["output"] = o.Tokens.Output, ["total"] = o.Tokens.Total };
                }
                else if (r.Status == "failed")
                {
                    item["error"] = r.Error;
                    item["message"] = r.Message;
                    item["duration_ms"] = r.DurationMs;
                }
                steps[step.Name] = item;
            }
            var dependedOn = pipeline.Steps.SelectMany(s => s.DependsOn).ToHashSet(StringComparer.Ordinal);
            var last = pipeline.Steps.LastOrDefault(s => !dependedOn.Contains(s.Name));
            var output = last is not null && results[last.Name].Outcome is { } lastOutcome ? lastOutcome.Output : "";
            state.Runtime.Metrics.PipelineRuns.WithLabels(name, status).Inc();
            await ResponseWriter.JsonAsync(context, 200, new JsonObject
            {
                ["pipeline"] = name,
                ["status"] = status,
                ["output"] = output,
                ["total_duration_ms"] = watch.ElapsedMilliseconds,
                ["tokens"] = new JsonObject { ["input"] = tokens.Input, ["output"] = tokens.Output, ["total"] = tokens.Total },
                ["steps"] = steps,
            }).ConfigureAwait(false);
        }
        finally
        {
            state.ExitInvocation();
        }
    }
}
