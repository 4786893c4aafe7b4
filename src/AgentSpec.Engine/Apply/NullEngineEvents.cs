namespace AgentSpec.Engine.Apply;

/// <summary>Discards every event (tests and callers without a host).</summary>
public sealed class NullEngineEvents : IEngineEvents
{
    public static NullEngineEvents Instance { get; } = new();

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Information(string message)
    {
    }

    public void Progress(int completed, int total, string current, string step)
    {
    }
}
