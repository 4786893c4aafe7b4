namespace AgentSpec.Engine.Secrets;

/// <summary>
/// Replaces every registered secret value with <c>***REDACTED***</c> (deployment spec §8). One per operation; values
/// shorter than 4 characters are not registered (AS5103 warns that they cannot be redacted safely).
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***REDACTED***";
    public const int MinimumLength = 4;

    private readonly object _gate = new();
    private List<string> _values = new();

    public void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_values.Contains(value, StringComparer.Ordinal))
            {
                // Longest first, so a value containing another is replaced whole.
                _values = _values.Append(value).OrderByDescending(v => v.Length).ToList();
            }
        }
    }

    public string Redact(string text)
    {
        var values = _values;
        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
