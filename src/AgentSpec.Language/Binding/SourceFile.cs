using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>One parsed file of a document: its display name, full path, tree, and the diagnostics binding adds to it.</summary>
internal sealed class SourceFile
{
    public SourceFile(string displayName, string? fullPath, SyntaxTree tree)
    {
        DisplayName = displayName;
        FullPath = fullPath;
        Tree = tree;
        Diagnostics = new DiagnosticBag(displayName);
    }

    public string DisplayName { get; }

    /// <summary>The normalised full path, or null for text given without a file.</summary>
    public string? FullPath { get; }

    public SyntaxTree Tree { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Alias name → files reached through that import (for qualified references, spec §4.3).</summary>
    public Dictionary<string, HashSet<SourceFile>> Aliases { get; } = new(StringComparer.Ordinal);
}
