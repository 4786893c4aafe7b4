using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Conversation;
using AgentSpec.Runtime.Logging;
using AgentSpec.Runtime.Tools;

namespace AgentSpec.Runtime.Execution;

/// <summary>Executes the tool calls of one turn concurrently (at most 8) and builds their results (spec §4.3, §5.1).</summary>
public static class ToolCallExecutor
{
    private const int MaxParallel = 8;
    private const int ModelResultCap = 100 * 1024;

    public static async Task<IReadOnlyList<ToolResultItem>> ExecuteAsync(AttemptContext attempt, IReadOnlyList<ToolCallRequest> calls)
    {
        using var gate = new SemaphoreSlim(MaxParallel);
        var tasks = calls.Select(async call =>
        {
            await gate.WaitAsync(attempt.Token).ConfigureAwait(false);
            try
            {
                return await ExecuteOneAsync(attempt, call).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var done = await Task.WhenAll(tasks).ConfigureAwait(false);
        foreach (var (record, _) in done) attempt.AddRecord(record);
        return done.Select(d => d.Result).ToList();
    }

    private static async Task<(ToolCallRecord Record, ToolResultItem Result)> ExecuteOneAsync(AttemptContext attempt, ToolCallRequest call)
    {
        var tool = attempt.Agent.FindTool(call.Name);
        var toolName = tool?.ToolName ?? call.Name;
        var inputNode = AttemptContext.ToNode(call.Input);
        attempt.Events?.Emit("tool_call_start", new JsonObject
        {
            ["id"] = call.Id,
            ["tool_name"] = toolName,
            ["input"] = inputNode?.DeepClone(),
            ["tool_call"] = new JsonObject { ["id"] = call.Id, ["name"] = toolName, ["input"] = inputNode?.DeepClone() },
        });
        var watch = Stopwatch.StartNew();
        ToolOutcome outcome;
        if (tool is null)
        {
            outcome = ToolOutcome.Failure("unknown tool");
        }
        else if (call.Input is not { } input)
        {
            outcome = ToolOutcome.Failure("invalid JSON arguments");
        }
        else if (ToolInputValidator.Check(input, tool.Spec.InputSchema) is { } problem)
        {
            outcome = ToolOutcome.Failure($"invalid tool input: {problem}");
        }
        else
        {
            var context = new ToolCallContext
            {
                Agent = attempt.Agent.Name,
                CorrelationId = attempt.Request.CorrelationId,
                ConfigEnvironment = attempt.Agent.ConfigEnvironment,
                Attempt = attempt,
                Input = input,
            };
            outcome = await tool.ExecuteAsync(context, attempt.Token).ConfigureAwait(false);
        }
        var ms = watch.ElapsedMilliseconds;
        var output = attempt.Runtime.Redactor.Redact(outcome.Output);
        var record = new ToolCallRecord(call.Id, toolName, call.Input, output, ms, outcome.IsError ? output : null, null);
        if (tool is not null)
        {
            var status = outcome.IsError ? "error" : "success";
            attempt.Runtime.Metrics.ToolCalls.WithLabels(attempt.Agent.Name, toolName, status).Inc();
            attempt.Runtime.Metrics.ToolCallDuration.WithLabels(attempt.Agent.Name, toolName).Observe(watch.Elapsed.TotalSeconds);
        }
        var fields = new[]
        {
            new LogField("correlation_id", attempt.Request.CorrelationId), new LogField("agent", attempt.Agent.Name),
            new LogField("tool", toolName), new LogField("duration_ms", ms), new LogField("status", outcome.IsError ? "error" : "success"),
        };
        if (outcome.IsError) attempt.Runtime.Log.Warn("tool failed", fields);
        else attempt.Runtime.Log.Debug("tool call", fields);
        if (attempt.Runtime.LogContent)
        {
            attempt.Runtime.Log.Debug("tool content", new LogField("correlation_id", attempt.Request.CorrelationId), new LogField("agent", attempt.Agent.Name),
                new LogField("tool", toolName), new LogField("input", call.Input?.GetRawText() ?? call.RawArguments), new LogField("output", output));
        }
        var end = new JsonObject
        {
            ["id"] = call.Id,
            ["tool_name"] = toolName,
            ["output"] = output,
            ["duration_ms"] = ms,
        };
        if (outcome.IsError) end["error"] = output;
        end["tool_call"] = new JsonObject { ["id"] = call.Id, ["name"] = toolName };
        attempt.Events?.Emit("tool_call_end", end);
        return (record, new ToolResultItem(call.Id, CapForModel(output), outcome.IsError));
    }

    private static string CapForModel(string output)
    {
        var bytes = Encoding.UTF8.GetByteCount(output);
        if (bytes <= ModelResultCap) return output;
        var kept = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(output), 0, ModelResultCap).TrimEnd('\uFFFD');
        return kept + $"\n[truncated: {bytes - Encoding.UTF8.GetByteCount(kept)} bytes omitted]";
    }
}
