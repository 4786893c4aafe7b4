namespace AgentSpec.Runtime.Providers.Mock;

/// <summary>What a scripted step expects to have been sent; unmet → non-retryable 400.</summary>
public sealed record MockExpectation(string? SystemContains, string? LastMessageContains, string? HistoryContains, IReadOnlyList<string> ToolsInclude);
