using System.Text;

namespace AgentSpec.Syntax;

/// <summary>
/// Captured expression tokens (spec §2.7). <see cref="Text"/> is the source text from the first to the last token with
/// every run of whitespace, line breaks and comments between tokens replaced by one space.
/// </summary>
public sealed class ExpressionSyntax : ValueSyntax
{
    private readonly List<SyntaxToken> tokens = new();
    private string? text;

    public IReadOnlyList<SyntaxToken> Tokens => tokens;

    public override string Text => text ??= ComputeText();

    internal void AddToken(SyntaxToken token)
    {
        Add(token);
        if (token.Kind != TokenKind.NewLine)
        {
            tokens.Add(token);
        }
    }

    private string ComputeText()
    {
        var builder = new StringBuilder();
        SyntaxToken? previous = null;
        foreach (var token in tokens)
        {
            if (previous is not null && (token.HasLeadingTrivia || token.Offset != previous.End))
            {
                builder.Append(' ');
            }

            builder.Append(token.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
            previous = token;
        }

        return builder.ToString();
    }
}
