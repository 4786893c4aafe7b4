using System.Text.Json;

namespace AgentSpec.Runtime.Execution;

/// <summary>One executed tool call as reported in <c>tool_calls[]</c> (spec §2.7).</summary>
public sealed record ToolCallRecord(string Id, string ToolName, JsonElement? Input, string Output, long DurationMs, string? Error, string? Agent)
{
    public ToolCallRecord WithAgent(string agent) => Agent is null ? this with { Agent = agent } : this;
}
