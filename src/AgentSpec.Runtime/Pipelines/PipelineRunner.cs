using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AgentSpec.Runtime.Execution;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Pipelines;

/// <summary>Runs a pipeline DAG (spec §4.14): ready steps concurrently (bounded), failures skip what has not started.</summary>
public sealed partial class PipelineRunner
{
    private readonly AgentExecutor _executor;
    private readonly int _concurrency;

    public PipelineRunner(AgentExecutor executor, int concurrency)
    {
        _executor = executor;
        _concurrency = concurrency;
    }

    [GeneratedRegex(@"\{\{\s*(input|steps\.([A-Za-z0-9_-]+)\.output)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Throws <see cref="InvalidOperationException"/> if the steps contain a cycle.</summary>
    public async Task<Dictionary<string, PipelineStepResult>> RunAsync(PipelineDefinition pipeline, string input, string correlationId,
        CancellationToken cancellationToken)
    {
        CheckAcyclic(pipeline);
        var results = new Dictionary<string, PipelineStepResult>(StringComparer.Ordinal);
        var running = new Dictionary<string, Task<PipelineStepResult>>(StringComparer.Ordinal);
        var failed = false;
        while (true)
        {
            if (!failed)
            {
                foreach (var step in pipeline.Steps)
                {
                    if (running.Count >= _concurrency) break;
                    if (results.ContainsKey(step.Name) || running.ContainsKey(step.Name)) continue;
                    if (step.DependsOn.All(d => results.TryGetValue(d, out var r) && r.Status == "completed"))
                    {
                        running[step.Name] = RunStepAsync(step, BuildMessage(step, input, results), correlationId, cancellationToken);
                    }
                }
            }
            if (running.Count == 0) break;
            var done = await Task.WhenAny(running.Values).ConfigureAwait(false);
            var name = running.First(p => p.Value == done).Key;
            running.Remove(name);
            var result = await done.ConfigureAwait(false);
            results[name] = result;
            if (result.Status != "completed") failed = true;
        }
        foreach (var step in pipeline.Steps)
        {
            if (!results.ContainsKey(step.Name)) results[step.Name] = new PipelineStepResult(step.Agent, "skipped", null, null, null, 0);
        }
        return results;
    }

    private async Task<PipelineStepResult> RunStepAsync(PipelineStepDefinition step, string message, string correlationId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var outcome = await _executor.InvokeAsync(new InvocationRequest
            {
                Agent = step.Agent,
                Message = message,
                CorrelationId = correlationId,
                Source = "pipeline",
            }, cancellationToken).ConfigureAwait(false);
            return new PipelineStepResult(step.Agent, "completed", outcome, null, null, watch.ElapsedMilliseconds);
        }
        catch (InvocationException ex)
        {
            return new PipelineStepResult(step.Agent, "failed", null, ex.Code, ex.Message, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>Step message (spec §4.14): run input, one dependency's output, or <c>## dep</c> blocks; or the rendered <c>input</c> template.</summary>
    public static string BuildMessage(PipelineStepDefinition step, string input, IReadOnlyDictionary<string, PipelineStepResult> results)
    {
        string Output(string dep) => results.TryGetValue(dep, out var r) ? r.Outcome?.Output ?? "" : "";
        if (step.Input is { } template && template.Contains("{{", StringComparison.Ordinal))
        {
            return Placeholder().Replace(template, m => m.Groups[2].Success ? Output(m.Groups[2].Value) : input);
        }
        if (step.DependsOn.Count == 0) return input;
        if (step.DependsOn.Count == 1) return Output(step.DependsOn[0]);
        var sb = new StringBuilder();
        foreach (var dep in step.DependsOn)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append("## ").Append(dep).Append('\n').Append(Output(dep));
        }
        return sb.ToString();
    }

    private static void CheckAcyclic(PipelineDefinition pipeline)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = pipeline.Steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        void Visit(string name)
        {
            if (state.TryGetValue(name, out var s))
            {
                if (s == 1) throw new InvalidOperationException($"pipeline step \"{name}\" is part of a dependency cycle");
                return;
            }
            state[name] = 1;
            if (byName.TryGetValue(name, out var step))
            {
                foreach (var d in step.DependsOn) Visit(d);
            }
            state[name] = 2;
        }
        foreach (var step in pipeline.Steps) Visit(step.Name);
    }
}
