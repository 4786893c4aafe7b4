namespace AgentSpec;

/// <summary>
/// One statement of an agent's <c>on input</c> flow: <c>use</c>, <c>delegate</c>, <c>respond</c>, <c>if</c> (with its
/// <c>else if</c>/<c>else</c> branches) or <c>for</c>. Expressions are kept as text (language spec §2.7).
/// </summary>
public sealed class InputStatement
{
    public string Kind { get; internal set; } = string.Empty;

    /// <summary>The skill (<c>use</c>), agent (<c>delegate</c>) or loop variable (<c>for</c>).</summary>
    public string? Name { get; internal set; }

    /// <summary>The literal response text of <c>respond "…"</c>.</summary>
    public string? Text { get; internal set; }

    /// <summary>The expression: respond expression, <c>if</c>/<c>else if</c> condition, or <c>for</c> collection.</summary>
    public string? Expression { get; internal set; }

    /// <summary><c>with { key: expression }</c> parameters of <c>use</c>, in source order.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<InputStatement> Body { get; internal set; } = Array.Empty<InputStatement>();

    /// <summary>The <c>else if</c> and <c>else</c> branches of an <c>if</c>, in order.</summary>
    public IReadOnlyList<InputStatement> Branches { get; internal set; } = Array.Empty<InputStatement>();

    public SourceLocation Location { get; internal set; } = new(string.Empty, default);

    public override string ToString() => Expression is null ? $"{Kind} {Name ?? Text}" : $"{Kind} {Expression}";
}
