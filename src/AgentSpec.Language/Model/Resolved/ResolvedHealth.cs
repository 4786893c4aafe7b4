namespace AgentSpec;

/// <summary>The health probe of a deploy with defaults applied (<c>/healthz</c>, 30s, 5s).</summary>
public sealed class ResolvedHealth
{
    public string Path { get; internal init; } = "/healthz";

    public Duration Interval { get; internal init; } = Duration.Parse("30s");

    public Duration Timeout { get; internal init; } = Duration.Parse("5s");
}
