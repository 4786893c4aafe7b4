namespace AgentSpec.Syntax;

/// <summary>A token or a node of the full-fidelity syntax tree.</summary>
public abstract class SyntaxElement
{
    public abstract SourceRange Range { get; }

    /// <summary>Appends the exact source text of this element, trivia included.</summary>
    public abstract void WriteTo(System.Text.StringBuilder builder);

    public string ToFullString()
    {
        var builder = new System.Text.StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }
}
