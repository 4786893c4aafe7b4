namespace AgentSpec;

/// <summary>A secret the configuration uses: its name, where the value lives (<c>env</c> or <c>store</c>) and the key. Never the value.</summary>
public sealed class SecretReference
{
    public string Name { get; internal init; } = string.Empty;

    /// <summary><c>env</c> or <c>store</c>.</summary>
    public string Source { get; internal init; } = "env";

    /// <summary>The environment variable name or the store path.</summary>
    public string Key { get; internal init; } = string.Empty;

    public override string ToString() => $"{Name} ({Source}:{Key})";
}
