using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Pipelines;

/// <summary>How one pipeline step ended: completed (with outcome), failed (with code and message) or skipped.</summary>
public sealed record PipelineStepResult(string Agent, string Status, InvocationOutcome? Outcome, string? Error, string? Message, long DurationMs);
