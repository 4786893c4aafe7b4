namespace AgentSpec.Syntax;

/// <summary>
/// A named part of an item after its head: <c>version "1.0.0"</c>, <c>as kb</c>, <c>required</c>, <c>default "x"</c>,
/// <c>when "…"</c>, <c>threshold 0.8</c>, <c>max_retries 2</c>, <c>target "docker"</c>, a description or message string.
/// </summary>
public sealed class ModifierSyntax : SyntaxNode
{
    internal ModifierSyntax(string name, SyntaxToken? keyword)
    {
        Name = name;
        Keyword = keyword;
        if (keyword is not null)
        {
            Add(keyword);
        }
    }

    /// <summary>Canonical name of the modifier (the keyword, or <c>description</c>/<c>message</c> for bare strings).</summary>
    public string Name { get; }

    public SyntaxToken? Keyword { get; }

    public ValueSyntax? Value { get; private set; }

    internal void SetValue(ValueSyntax value)
    {
        Value = value;
        Add(value);
    }
}
