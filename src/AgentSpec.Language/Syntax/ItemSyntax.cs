namespace AgentSpec.Syntax;

/// <summary>
/// One statement or item: a head of one or more words (<c>uses skill</c>, <c>budget daily</c>, <c>on input</c>,
/// a declaration keyword, a map key or an entry name), positional values, named modifiers, an optional body and,
/// for <c>if</c>, its <c>else if</c>/<c>else</c> continuations.
/// </summary>
public sealed class ItemSyntax : SyntaxNode
{
    // Most items have one keyword and one value: those are kept in fields, and a list exists only for more. The list
    // fields otherwise cache the one-element view handed out by Keywords/Values, made on first request.
    private SyntaxToken? keyword;
    private IReadOnlyList<SyntaxToken>? keywords;
    private ValueSyntax? value;
    private IReadOnlyList<ValueSyntax>? values;
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
    public IReadOnlyList<SyntaxToken> Keywords => keywords ?? (keyword is null ? Array.Empty<SyntaxToken>() : keywords = new SingleItemList<SyntaxToken>(keyword));

    public IReadOnlyList<ValueSyntax> Values => values ?? (value is null ? Array.Empty<ValueSyntax>() : values = new SingleItemList<ValueSyntax>(value));

    public IReadOnlyList<ModifierSyntax> Modifiers => (IReadOnlyList<ModifierSyntax>?)modifiers ?? Array.Empty<ModifierSyntax>();

    public BodySyntax? Body { get; private set; }

    public IReadOnlyList<ItemSyntax> Continuations => (IReadOnlyList<ItemSyntax>?)continuations ?? Array.Empty<ItemSyntax>();

    /// <summary>True when a lexical or syntax error (AS1xxx) lies inside this item (spec §2.14).</summary>
    public bool IsIncomplete { get; internal set; }

    public SyntaxToken? FirstKeyword => keyword;

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
        if (keywords is List<SyntaxToken> list)
        {
            list.Add(token);
        }
        else if (keyword is null)
        {
            keyword = token;
        }
        else
        {
            keywords = new List<SyntaxToken> { keyword, token };
        }

        Add(token);
    }

    internal void AddValue(ValueSyntax value)
    {
        if (values is List<ValueSyntax> list)
        {
            list.Add(value);
        }
        else if (this.value is null)
        {
            this.value = value;
        }
        else
        {
            values = new List<ValueSyntax> { this.value, value };
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
