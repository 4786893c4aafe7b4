using System.Text.Json;
using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Tools;

/// <summary>What a tool execution knows about its caller.</summary>
public sealed class ToolCallContext
{
    public required string Agent { get; init; }
    public required string CorrelationId { get; init; }
    public required IReadOnlyDictionary<string, string> ConfigEnvironment { get; init; }

    /// <summary>The attempt running the tool: delegation tools start nested invocations from it.</summary>
    public required AttemptContext Attempt { get; init; }

    public JsonElement Input { get; init; }
}
