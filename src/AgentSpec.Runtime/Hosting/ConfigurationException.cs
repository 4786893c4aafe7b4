namespace AgentSpec.Runtime.Hosting;

/// <summary>An invalid configuration found at startup (exit code 3).</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message) : base(message) { }
}
