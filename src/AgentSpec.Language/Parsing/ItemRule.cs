using AgentSpec.Syntax;

namespace AgentSpec.Parsing;

/// <summary>One item word of a body: its shape, the kind of its nested body, and its canonical key.</summary>
internal sealed record ItemRule(string Word, ItemShape Shape, BlockKind Nested = BlockKind.File, string? Key = null)
{
    public string CanonicalKey => Key ?? Word;
}
