using System.Text.Json;
using AgentSpec.Runtime.Conversation;

namespace AgentSpec.Runtime.Providers.Mock;

/// <summary>One step of a <c>mock/scripted</c> script (spec §3.7).</summary>
public sealed class MockStep
{
    public string? Text { get; init; }
    public IReadOnlyList<(string Name, JsonElement Input, string? Id)> ToolCalls { get; init; } = [];
    public string? StopReason { get; init; }
    public TokenUsage? Usage { get; init; }
    public int DelayMs { get; init; }
    public bool Echo { get; init; }
    public (int Status, string Message, double? RetryAfterSeconds)? Error { get; init; }
    public MockExpectation? Expect { get; init; }
}
