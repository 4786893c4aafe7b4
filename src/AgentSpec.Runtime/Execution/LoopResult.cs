namespace AgentSpec.Runtime.Execution;

/// <summary>What a strategy (or its inner react loop) produced: output, stop reason, and the routed agent if any.</summary>
public sealed record LoopResult(string Output, string StopReason, string? RoutedTo = null, string? Model = null);
