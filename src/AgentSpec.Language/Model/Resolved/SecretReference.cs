namespace AgentSpec;

/// <summary>A secret the configuration uses: its name, where the value lives (<c>env</c> or <c>store</c>) and the key. Never the value.</summary>
public sealed class SecretReference
{
    public string Name { get; internal init; } = string.Empty;

    /// <summary><c>env</c> or <c>store</c>.</summary>
    public string Source { get; internal init; } = "env";

    /// <summary>The environment variable name or the store path.</summary>
    public string Key { get; internal init; } = string.Empty;

    /// <summary>A reference as recorded in a plan or state (name, <c>env</c>/<c>store</c>, key).</summary>
    public static SecretReference Create(string name, string source, string key) => new() { Name = name, Source = source, Key = key };

    /// <summary>The reference as written in the language: <c>env(NAME)</c> or <c>store(path)</c>.</summary>
    public string Text => $"{Source}({Key})";

    public override string ToString() => $"{Name} ({Source}:{Key})";
}
