namespace AgentSpec.Runtime.Tools.Http;

/// <summary>A connection refused by the SSRF guard before any socket was opened.</summary>
public sealed class SsrfBlockedException : Exception
{
    public SsrfBlockedException(string message) : base(message) { }
}
