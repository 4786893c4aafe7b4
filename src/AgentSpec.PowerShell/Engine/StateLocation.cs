namespace AgentSpec.Commands.Engine;

/// <summary>The state file a command works on: its full path and the form shown in plan text and messages.</summary>
internal sealed record StateLocation(string FullPath, string DisplayPath);
