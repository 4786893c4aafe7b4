using System.Collections;

namespace AgentSpec.Runtime.Configuration;

/// <summary>
/// The environment variables the runtime sees: the process environment (or a test's dictionary) over the deploy's
/// <c>settings</c> (runtime spec §1.4: real environment variable &gt; settings entry &gt; default).
/// </summary>
public sealed class RuntimeEnvironment
{
    private readonly Dictionary<string, string> _values;

    public RuntimeEnvironment(IReadOnlyDictionary<string, string> values)
    {
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>A snapshot of the current process environment.</summary>
    public static RuntimeEnvironment FromProcess()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) values[key] = value;
        }
        return new RuntimeEnvironment(values);
    }

    /// <summary>This environment with <paramref name="settings"/> as defaults under it.</summary>
    public RuntimeEnvironment WithDefaults(IReadOnlyDictionary<string, string> settings)
    {
        var merged = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        foreach (var (key, value) in _values) merged[key] = value;
        return new RuntimeEnvironment(merged);
    }

    /// <summary>The variable's value, or null when unset or empty.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public IReadOnlyDictionary<string, string> All => _values;
}
