namespace AgentSpec;

/// <summary>An agent's <c>memory { strategy max_messages }</c> block as written.</summary>
public sealed class AgentMemory
{
    public string? Strategy { get; internal set; }

    public long? MaxMessages { get; internal set; }
}
