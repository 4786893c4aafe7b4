namespace AgentSpec;

/// <summary>
/// The outcome of formatting one file (language spec §9.1): the canonical text, or — when the file has a syntax
/// error (any AS1xxx Error) — no text and the diagnostics that explain why.
/// </summary>
public sealed class FormatResult
{
    internal FormatResult(string file, string? formattedText, bool isChanged, IReadOnlyList<Diagnostic> diagnostics)
    {
        File = file;
        FormattedText = formattedText;
        IsChanged = isChanged;
        Diagnostics = diagnostics;
    }

    /// <summary>The file name or path the text came from (as given by the caller).</summary>
    public string File { get; }

    /// <summary>True when the file was formatted; false when a syntax error prevented it.</summary>
    public bool Success => FormattedText is not null;

    /// <summary>The canonical text (UTF-8 without BOM, LF line breaks, one final LF); null when not formatted.</summary>
    public string? FormattedText { get; }

    /// <summary>True when the canonical text differs from the input (a BOM or CRLF line breaks count as a change).</summary>
    public bool IsChanged { get; }

    /// <summary>The syntax diagnostics of the file: the errors that prevented formatting, or warnings such as AS1006.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
