using System.Text;
using AgentSpec.Formatting;
using AgentSpec.Parsing;
using AgentSpec.Syntax;

namespace AgentSpec;

/// <summary>
/// The canonical formatter of IntentLang (language spec §9): idempotent, meaning-preserving, comment-preserving and
/// lossless for every file without syntax errors. Imports are not followed.
/// </summary>
public static class SpecFormatter
{
    /// <summary>Formats one file's text; <paramref name="fileName"/> is used in diagnostics.</summary>
    public static FormatResult FormatText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var tree = SyntaxParser.Parse(text, fileName);
        var formatted = Format(tree);
        return new FormatResult(fileName, formatted, formatted is not null && !string.Equals(formatted, text, StringComparison.Ordinal), tree.Diagnostics);
    }

    /// <summary>Reads and formats a file (bytes are decoded as UTF-8; a BOM is dropped; invalid bytes are AS1001).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FormatResult FormatFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"cannot find file '{path}'", path);
        }

        var bytes = System.IO.File.ReadAllBytes(path);
        var tree = SyntaxParser.Parse(bytes, path);
        var formatted = Format(tree);
        var changed = formatted is not null && !Encoding.UTF8.GetBytes(formatted).AsSpan().SequenceEqual(bytes);
        return new FormatResult(path, formatted, changed, tree.Diagnostics);
    }

    /// <summary>The canonical text of a parsed file, or null when it has a syntax error.</summary>
    internal static string? Format(SyntaxTree tree)
    {
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.IsError && diagnostic.Code.StartsWith("AS1", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return FormatWriter.Write(tree);
    }
}
