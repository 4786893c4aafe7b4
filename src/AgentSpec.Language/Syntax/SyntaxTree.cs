using System.Text;
using AgentSpec.Text;

namespace AgentSpec.Syntax;

/// <summary>A parsed file: its source, the full-fidelity tree, the token array and the AS1xxx diagnostics.</summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(SourceText source, FileSyntax root, ChunkedList<SyntaxToken> tokens, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Root = root;
        TokenList = tokens;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    public string File => Source.File;

    public FileSyntax Root { get; }

    /// <summary>Every token the parser saw, in order, ending with the end-of-file token.</summary>
    public IReadOnlyList<SyntaxToken> Tokens => TokenList;

    internal ChunkedList<SyntaxToken> TokenList { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Writes every token and its trivia in tree order: equals the decoded source text.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Source.Length);
        Root.WriteTo(builder);
        return builder.ToString();
    }
}
