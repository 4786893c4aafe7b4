namespace AgentSpec.Runtime.Execution;

/// <summary>A <c>max_turns</c> counter: the attempt's, or one map chunk's (spec §4.7).</summary>
public sealed class TurnLimit
{
    private int _used;

    public TurnLimit(int max) => Max = max;

    public int Max { get; }

    public int Used => Volatile.Read(ref _used);

    public bool Exhausted => Used >= Max;

    public int Remaining => Math.Max(0, Max - Used);

    public void Take() => Interlocked.Increment(ref _used);
}
