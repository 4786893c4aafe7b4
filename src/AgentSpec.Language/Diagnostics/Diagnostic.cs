using System.Globalization;
using System.Text;

namespace AgentSpec;

/// <summary>
/// One finding about a specification: a stable code from the catalogue, a severity, a located message, an optional
/// hint and a help link (language spec §5.1).
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    public Diagnostic(
        string code,
        DiagnosticSeverity severity,
        string message,
        string file,
        SourceRange range,
        string? hint = null,
        IReadOnlyList<RelatedLocation>? related = null)
    {
        Code = code;
        Severity = severity;
        Message = message;
        File = file;
        Range = range;
        Hint = hint;
        Related = related ?? Array.Empty<RelatedLocation>();
    }

    public string Code { get; }

    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    /// <summary>The file the range refers to, as given to the loader.</summary>
    public string File { get; }

    public SourceRange Range { get; }

    public string? Hint { get; }

    /// <summary>Relative link to the diagnostic's documentation page.</summary>
    public string HelpLink => $"docs/diagnostics/{Code}.md";

    public IReadOnlyList<RelatedLocation> Related { get; }

    public int Line => Range.Start.Line;

    public int Column => Range.Start.Column;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>A copy with another severity (used by -Strict for AS6xxx).</summary>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        new(Code, severity, Message, File, Range, Hint, Related);

    /// <summary>The text form of the language spec: <c>file:line:col: severity CODE: message</c> plus a hint line.</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {SeverityWord(Severity)} {Code}: {Message}");
        if (Hint is not null)
        {
            builder.Append('\n').Append("  hint: ").Append(Hint);
        }

        return builder.ToString();
    }

    public override string ToString() => ToText();

    public bool Equals(Diagnostic? other) =>
        other is not null && Code == other.Code && Range == other.Range && Message == other.Message && File == other.File;

    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    public override int GetHashCode() => HashCode.Combine(Code, Range, Message, File);

    internal static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
