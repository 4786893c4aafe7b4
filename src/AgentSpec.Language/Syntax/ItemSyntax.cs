namespace AgentSpec.Syntax;

/// <summary>
/// One statement or item: a head of one or more words (<c>uses skill</c>, <c>budget daily</c>, <c>on input</c>,
/// a declaration keyword, a map key or an entry name), positional values, named modifiers, an optional body and,
/// for <c>if</c>, its <c>else if</c>/<c>else</c> continuations.
/// </summary>
public sealed class ItemSyntax : SyntaxNode
{
    private readonly List<SyntaxToken> keywords = new();
    private readonly List<ValueSyntax> values = new();
    private readonly List<ModifierSyntax> modifiers = new();
    private readonly List<ItemSyntax> continuations = new();

    internal ItemSyntax(string key, BlockKind owner)
    {
        Key = key;
        Owner = owner;
    }

    /// <summary>Canonical key of the item: <c>agent</c>, <c>uses skill</c>, <c>model</c>, <c>entry</c>, <c>if</c>, …</summary>
    public string Key { get; internal set; }

    /// <summary>The kind of body this item appears in.</summary>
    public BlockKind Owner { get; }

    /// <summary>The head words as written (including optional words such as <c>to</c>).</summary>
    public IReadOnlyList<SyntaxToken> Keywords => keywords;

    public IReadOnlyList<ValueSyntax> Values => values;

    public IReadOnlyList<ModifierSyntax> Modifiers => modifiers;

    public BodySyntax? Body { get; private set; }

    public IReadOnlyList<ItemSyntax> Continuations => continuations;

    /// <summary>True when a lexical or syntax error (AS1xxx) lies inside this item (spec §2.14).</summary>
    public bool IsIncomplete { get; internal set; }

    public SyntaxToken? FirstKeyword => keywords.Count > 0 ? keywords[0] : null;

    public ModifierSyntax? Modifier(string name) => modifiers.FirstOrDefault(m => m.Name == name);

    public bool HasModifier(string name) => modifiers.Any(m => m.Name == name);

    internal void AddKeyword(SyntaxToken token)
    {
        keywords.Add(token);
        Add(token);
    }

    internal void AddValue(ValueSyntax value)
    {
        values.Add(value);
        Add(value);
    }

    internal void AddModifier(ModifierSyntax modifier)
    {
        modifiers.Add(modifier);
        Add(modifier);
    }

    internal void SetBody(BodySyntax body)
    {
        Body = body;
        Add(body);
    }

    internal void AddContinuation(ItemSyntax item)
    {
        continuations.Add(item);
        Add(item);
    }
}
