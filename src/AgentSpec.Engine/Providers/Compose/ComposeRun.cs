namespace AgentSpec.Engine.Providers.Compose;

/// <summary>One finished compose call: the command line as shown, its exit code and its redacted output.</summary>
public sealed record ComposeRun(string Command, int ExitCode, string Output);
