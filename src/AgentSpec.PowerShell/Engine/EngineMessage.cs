namespace AgentSpec.Commands.Engine;

/// <summary>One event the engine published from a worker thread, waiting to be written on the pipeline thread.</summary>
internal sealed record EngineMessage(EngineMessageKind Kind, string Text, int Completed = 0, int Total = 0, string? Address = null, ApplyResult? Result = null);
