namespace AgentSpec.Engine.Apply;

/// <summary>The end of a health wait: healthy, or the last probe's reason.</summary>
public sealed record HealthOutcome(bool Healthy, string Reason, TimeSpan Elapsed);
