using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Strategies;

/// <summary><c>react</c>: the loop on history + the input (spec §4.3).</summary>
public sealed class ReactStrategy : IAgentStrategy
{
    public static ReactStrategy Instance { get; } = new();

    public Task<LoopResult> RunAsync(AttemptContext attempt) => ReactLoop.RunAsync(attempt, attempt.StartMessages(), attempt.Turns);
}
