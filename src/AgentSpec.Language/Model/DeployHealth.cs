namespace AgentSpec;

/// <summary>A deploy's <c>health { path interval timeout }</c> block as written.</summary>
public sealed class DeployHealth
{
    public string? Path { get; internal set; }

    public string? Interval { get; internal set; }

    public string? Timeout { get; internal set; }
}
