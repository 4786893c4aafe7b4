namespace AgentSpec;

/// <summary>Resource limits of a deploy as written and in numbers; a part that is not written is null.</summary>
public sealed class ResolvedResources
{
    public CpuQuantity? Cpu { get; internal init; }

    public MemoryQuantity? Memory { get; internal init; }
}
