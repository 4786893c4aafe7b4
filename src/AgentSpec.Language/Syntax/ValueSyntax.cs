namespace AgentSpec.Syntax;

/// <summary>A value written in an item: string, number, word, list, parenthesised key/path, glued word or expression.</summary>
public abstract class ValueSyntax : SyntaxNode
{
    /// <summary>The value as text: a string's decoded value, a number's or word's text, a glued word's source text.</summary>
    public abstract string Text { get; }
}
