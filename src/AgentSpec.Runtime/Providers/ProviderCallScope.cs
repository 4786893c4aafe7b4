namespace AgentSpec.Runtime.Providers;

/// <summary>
/// Per-call state shared with <see cref="ProviderRequestHandler"/> through an async-local: the correlation ID to send and
/// the <c>Retry-After</c> of the last failed response (the SDKs do not surface it).
/// </summary>
public sealed class ProviderCallScope
{
    private static readonly AsyncLocal<ProviderCallScope?> CurrentScope = new();

    public ProviderCallScope(string correlationId) => CorrelationId = correlationId;

    public static ProviderCallScope? Current => CurrentScope.Value;

    public string CorrelationId { get; }

    public TimeSpan? RetryAfter { get; set; }

    public static ProviderCallScope Begin(string correlationId)
    {
        var scope = new ProviderCallScope(correlationId);
        CurrentScope.Value = scope;
        return scope;
    }
}
