namespace AgentSpec.Syntax;

/// <summary>
/// One statement or item: a head of one or more words (<c>uses skill</c>, <c>budget daily</c>, <c>on input</c>,
/// a declaration keyword, a map key or an entry name), positional values, named modifiers, an optional body and,
/// for <c>if</c>, its <c>else if</c>/<c>else</c> continuations.
/// </summary>
public sealed class ItemSyntax : SyntaxNode
{
    // Allocated on first use: most items have one keyword and one value, and no modifiers or continuations.
    private List<SyntaxToken>? keywords;
    private List<ValueSyntax>? values;
    private List<ModifierSyntax>? modifiers;
    private List<ItemSyntax>? continuations;

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
    public IReadOnlyList<SyntaxToken> Keywords => (IReadOnlyList<SyntaxToken>?)keywords ?? Array.Empty<SyntaxToken>();

    public IReadOnlyList<ValueSyntax> Values => (IReadOnlyList<ValueSyntax>?)values ?? Array.Empty<ValueSyntax>();

    public IReadOnlyList<ModifierSyntax> Modifiers => (IReadOnlyList<ModifierSyntax>?)modifiers ?? Array.Empty<ModifierSyntax>();

    public BodySyntax? Body { get; private set; }

    public IReadOnlyList<ItemSyntax> Continuations => (IReadOnlyList<ItemSyntax>?)continuations ?? Array.Empty<ItemSyntax>();

    /// <summary>True when a lexical or syntax error (AS1xxx) lies inside this item (spec §2.14).</summary>
    public bool IsIncomplete { get; internal set; }

    public SyntaxToken? FirstKeyword => keywords is { Count: > 0 } ? keywords[0] : null;

    public ModifierSyntax? Modifier(string name)
    {
        if (modifiers is null)
        {
            return null;
        }

        foreach (var modifier in modifiers)
        {
            if (modifier.Name == name)
            {
                return modifier;
            }
        }

        return null;
    }

    public bool HasModifier(string name) => Modifier(name) is not null;

    internal void AddKeyword(SyntaxToken token)
    {
        (keywords ??= new List<SyntaxToken>(2)).Add(token);
        Add(token);
    }

    internal void AddValue(ValueSyntax value)
    {
        (values ??= new List<ValueSyntax>(1)).Add(value);
        Add(value);
    }

    internal void AddModifier(ModifierSyntax modifier)
    {
        (modifiers ??= new List<ModifierSyntax>(2)).Add(modifier);
        Add(modifier);
    }

    internal void SetBody(BodySyntax body)
    {
        Body = body;
        Add(body);
    }

    internal void AddContinuation(ItemSyntax item)
    {
        (continuations ??= new List<ItemSyntax>(1)).Add(item);
        Add(item);
    }
}
