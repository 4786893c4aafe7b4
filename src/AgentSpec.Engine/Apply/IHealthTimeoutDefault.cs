namespace AgentSpec.Engine.Apply;

/// <summary>
/// A provider whose default health wait depends on the workload (deployment spec §2.4: docker and compose wait
/// <c>start_period + 4 × interval</c>, at least 60 s). Used when <c>-HealthTimeout</c> is not given.
/// </summary>
public interface IHealthTimeoutDefault
{
    TimeSpan DefaultHealthTimeout(ResourceChange change);
}
