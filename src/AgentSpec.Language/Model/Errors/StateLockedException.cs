namespace AgentSpec;

/// <summary><c>StateLocked</c> (ResourceBusy): another operation holds the state lock.</summary>
public sealed class StateLockedException : AgentSpecException
{
    public StateLockedException()
        : this("The state is locked.", new StateLockInfo())
    {
    }

    public StateLockedException(string message)
        : this(message, new StateLockInfo())
    {
    }

    public StateLockedException(string message, Exception innerException)
        : base(ErrorIds.StateLocked, AgentSpecErrorCategory.ResourceBusy, message, null, innerException: innerException)
    {
        Lock = new StateLockInfo();
    }

    public StateLockedException(string message, StateLockInfo lockInfo)
        : base(ErrorIds.StateLocked, AgentSpecErrorCategory.ResourceBusy, message, lockInfo)
    {
        Lock = lockInfo;
    }

    public StateLockInfo Lock { get; }
}
