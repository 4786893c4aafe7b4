namespace AgentSpec.Runtime.Execution;

/// <summary>A failed invocation: an error code and status of spec §2.3 with a client-safe message.</summary>
public sealed class InvocationException : Exception
{
    public InvocationException(string code, int status, string message, string agent, PartialResult? partial = null, int attempts = 1)
        : base(message)
    {
        Code = code;
        Status = status;
        Agent = agent;
        Partial = partial;
        Attempts = attempts;
    }

    public string Code { get; }
    public int Status { get; }
    public string Agent { get; }
    public PartialResult? Partial { get; }
    public int Attempts { get; }
}
