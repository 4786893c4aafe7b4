namespace AgentSpec.Commands.Engine;

/// <summary>The PowerShell stream an engine event goes to.</summary>
internal enum EngineMessageKind
{
    Verbose,
    Warning,
    Information,
    Progress,
    Completed,
}
