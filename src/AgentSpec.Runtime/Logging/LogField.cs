namespace AgentSpec.Runtime.Logging;

/// <summary>One named value of a log record; a <see cref="Conversation.TokenUsage"/> value prints as the <c>tokens</c> object.</summary>
public readonly record struct LogField(string Key, object? Value);
