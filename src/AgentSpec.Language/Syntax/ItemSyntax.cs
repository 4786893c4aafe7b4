namespace AgentSpec.Syntax;

/// <summary>
/// One statement or item: a head of one or more words (<c>uses skill</c>, <c>budget daily</c>, <c>on input</c>,
/// a declaration keyword, a map key or an entry name), positional values, named modifiers, an optional body and,
/// for <c>if</c>, its <c>else if</c>/<c>else</c> continuations.
/// </summary>
public sealed class ItemSyntax : SyntaxNode
{
    // Most items have one keyword and one value: those are kept in fields, and a list exists only for more.
    private SyntaxToken? keyword;
    private List<SyntaxToken>? keywords;
    private ValueSyntax? value;
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
    public IReadOnlyList<SyntaxToken> Keywords => (IReadOnlyList<SyntaxToken>?)keywords ?? (keyword is null ? Array.Empty<SyntaxToken>() : new SingleItemList<SyntaxToken>(keyword));

    public IReadOnlyList<ValueSyntax> Values => (IReadOnlyList<ValueSyntax>?)values ?? (value is null ? Array.Empty<ValueSyntax>() : new SingleItemList<ValueSyntax>(value));

    public IReadOnlyList<ModifierSyntax> Modifiers => (IReadOnlyList<ModifierSyntax>?)modifiers ?? Array.Empty<ModifierSyntax>();

    public BodySyntax? Body { get; private set; }

    public IReadOnlyList<ItemSyntax> Continuations => (IReadOnlyList<ItemSyntax>?)continuations ?? Array.Empty<ItemSyntax>();

    /// <summary>True when a lexical or syntax error (AS1xxx) lies inside this item (spec §2.14).</summary>
    public bool IsIncomplete { get; internal set; }

    public SyntaxToken? FirstKeyword => keywords is { Count: > 0 } ? keywords[0] : keyword;

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
        if (keywords is not null)
        {
            keywords.Add(token);
        }
        else if (keyword is null)
        {
            keyword = token;
        }
        else
        {
            keywords = [keyword, token];
        }

        Add(token);
    }

    internal void AddValue(ValueSyntax value)
    {
        if (values is not null)
        {
            values.Add(value);
        }
        else if (this.value is null)
        {
            this.value = value;
        }
        else
        {
            values = [this.value, value];
        }

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
