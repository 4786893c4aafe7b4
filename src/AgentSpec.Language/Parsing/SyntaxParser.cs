using AgentSpec.Syntax;
using AgentSpec.Text;

namespace AgentSpec.Parsing;

/// <summary>Public entry point of the front end: parse one file's text or bytes into a <see cref="SyntaxTree"/>.</summary>
public static class SyntaxParser
{
    public static SyntaxTree Parse(string text, string file) => Parser.Parse(SourceText.From(text, file));

    public static SyntaxTree Parse(ReadOnlySpan<byte> bytes, string file) => Parser.Parse(SourceText.FromBytes(bytes, file));

    public static SyntaxTree Parse(SourceText source) => Parser.Parse(source);
}
