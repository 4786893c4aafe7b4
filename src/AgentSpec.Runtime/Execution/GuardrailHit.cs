namespace AgentSpec.Runtime.Execution;

/// <summary>A guardrail that matched the final output: <c>{name, mode, blocked}</c>.</summary>
public sealed record GuardrailHit(string Name, string Mode, bool Blocked);
