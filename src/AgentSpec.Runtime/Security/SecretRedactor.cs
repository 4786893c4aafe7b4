namespace AgentSpec.Runtime.Security;

/// <summary>Replaces every registered secret value (≥ 4 characters) by <c>***REDACTED***</c> (runtime spec §7.3).</summary>
public sealed class SecretRedactor
{
    public const string Marker = "***REDACTED***";
    private volatile string[] _secrets = [];
    private readonly object _gate = new();

    public void Register(string? value)
    {
        if (value is null || value.Length < 4) return;
        lock (_gate)
        {
            if (_secrets.Contains(value, StringComparer.Ordinal)) return;
            // Longest first so that a secret containing another is replaced whole.
            _secrets = _secrets.Append(value).OrderByDescending(s => s.Length).ToArray();
        }
    }

    public string Redact(string text)
    {
        var secrets = _secrets;
        if (secrets.Length == 0 || text.Length < 4) return text;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Marker, StringComparison.Ordinal);
        }
        return text;
    }
}
