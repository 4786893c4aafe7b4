namespace AgentSpec.Binding;

/// <summary>Declarations by kind and name; the first declaration of a name wins (spec §4.1).</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Dictionary<string, Declaration>> byKind = new(StringComparer.Ordinal);

    /// <summary>Adds a declaration; returns the earlier one when the name is already declared in that kind.</summary>
    public Declaration? Add(Declaration declaration, SourceFile file)
    {
        // The file is kept on the declaration (declarations are created for, and added to, one table): an
        // identity-keyed dictionary would hash every declaration and, for large documents, grow onto the LOH.
        declaration.SourceFile = file;
        if (!byKind.TryGetValue(declaration.DeclarationKind, out var names))
        {
            names = new Dictionary<string, Declaration>(StringComparer.Ordinal);
            byKind[declaration.DeclarationKind] = names;
        }

        if (names.TryGetValue(declaration.Name, out var first))
        {
            return first;
        }

        names[declaration.Name] = declaration;
        return null;
    }

    public T? Find<T>(string kind, string name)
        where T : Declaration =>
        byKind.TryGetValue(kind, out var names) && names.TryGetValue(name, out var found) ? found as T : null;

    public IReadOnlyCollection<string> Names(string kind) =>
        byKind.TryGetValue(kind, out var names) ? names.Keys : Array.Empty<string>();

    public SourceFile FileOf(Declaration declaration) =>
        declaration.SourceFile ?? throw new KeyNotFoundException($"{declaration} is not in the symbol table");
}
