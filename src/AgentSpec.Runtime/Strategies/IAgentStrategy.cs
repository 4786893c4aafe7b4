using AgentSpec.Runtime.Execution;

namespace AgentSpec.Runtime.Strategies;

/// <summary>One of the five strategies of spec §4.3–4.7, run once per attempt.</summary>
public interface IAgentStrategy
{
    Task<LoopResult> RunAsync(AttemptContext attempt);
}
