namespace AgentSpec.Runtime.Conversation;

/// <summary>Token counts of one or more model calls; <see cref="Total"/> = input + output (spec §4.11).</summary>
public readonly record struct TokenUsage(long Input, long Output, long CacheRead = 0, long CacheWrite = 0)
{
    public long Total => Input + Output;

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.Input + b.Input, a.Output + b.Output, a.CacheRead + b.CacheRead, a.CacheWrite + b.CacheWrite);
}
