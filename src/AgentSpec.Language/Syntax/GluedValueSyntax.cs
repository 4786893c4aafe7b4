namespace AgentSpec.Syntax;

/// <summary>
/// A glued word: adjacent words, numbers and <c>. / : - * ?</c> with nothing between them, used for unquoted store paths
/// and policy values (spec §1.11). Its text is the exact source text it covers.
/// </summary>
public sealed class GluedValueSyntax : ValueSyntax
{
    private readonly string text;

    internal GluedValueSyntax(IReadOnlyList<SyntaxToken> tokens)
    {
        Tokens = tokens;
        foreach (var token in tokens)
        {
            Add(token);
        }

        text = string.Concat(tokens.Select(t => t.Text));
    }

    public IReadOnlyList<SyntaxToken> Tokens { get; }

    public override string Text => text;
}
