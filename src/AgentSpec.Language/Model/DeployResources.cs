namespace AgentSpec;

/// <summary>A deploy's <c>resources { cpu memory }</c> block as written.</summary>
public sealed class DeployResources
{
    public string? Cpu { get; internal set; }

    public string? Memory { get; internal set; }
}
