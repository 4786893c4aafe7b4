namespace AgentSpec;

/// <summary>An agent's session memory with defaults applied (<c>sliding_window</c>, 50 messages).</summary>
public sealed class ResolvedMemory
{
    public string Strategy { get; internal init; } = "sliding_window";

    public long MaxMessages { get; internal init; } = 50;
}
