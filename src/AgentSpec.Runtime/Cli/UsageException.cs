namespace AgentSpec.Runtime.Cli;

/// <summary>A command-line usage error (exit code 2).</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
