namespace AgentSpec.Runtime.Providers;

/// <summary>
/// A failed model call: <see cref="Status"/> is the HTTP status (null for connection failures and single-attempt
/// timeouts); the message never holds a secret (bodies are truncated to 1 KiB and redacted before reaching clients).
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string provider, string model, int? status, string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Provider = provider;
        Model = model;
        Status = status;
        RetryAfter = retryAfter;
    }

    public string Provider { get; }
    public string Model { get; }
    public int? Status { get; }
    public TimeSpan? RetryAfter { get; }

    /// <summary>Retryable per spec §3.5: connection failures, 408, 409, 429, 500, 502, 503, 504, 529.</summary>
    public bool IsRetryable => Status is null or 408 or 409 or 429 or 500 or 502 or 503 or 504 or 529;

    /// <summary>How the failure is described to clients: provider, model, status and (truncated) message.</summary>
    public string Describe()
    {
        var text = Message.Length > 1024 ? Message[..1024] : Message;
        return Status is int s ? $"{Provider} {Model}: status {s}: {text}" : $"{Provider} {Model}: {text}";
    }
}
