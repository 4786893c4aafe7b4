using System.Globalization;
using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// Builds the ErrorRecords of the error catalogue (deployment spec §10.2) that the spec cmdlets raise. PowerShell
/// appends <c>,AgentSpec.Commands.&lt;Class&gt;</c> to the id when a cmdlet writes the record.
/// </summary>
internal static class SpecErrorRecords
{
    public const string SpecFileNotFound = "SpecFileNotFound";

    public const string SpecSyntaxError = "SpecSyntaxError";

    public const string SpecRootAmbiguous = "SpecRootAmbiguous";

    public static ErrorRecord FileNotFound(string path, Exception? innerException)
    {
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Cannot find the specification file or package directory '{0}' because it does not exist.",
            path);
        var exception = new ItemNotFoundException(message, innerException);
        var record = new ErrorRecord(exception, SpecFileNotFound, ErrorCategory.ObjectNotFound, path);
        record.ErrorDetails = new ErrorDetails(message)
        {
            RecommendedAction = "Check the path; use -LiteralPath when it contains wildcard characters such as '[' or '*'.",
        };
        return record;
    }

    /// <summary>A directory given as a package holds several .ias files and no index.ias.</summary>
    public static ErrorRecord RootAmbiguous(AmbiguousRootException exception)
    {
        var record = new ErrorRecord(exception, SpecRootAmbiguous, ErrorCategory.InvalidArgument, exception.Directory);
        record.ErrorDetails = new ErrorDetails(exception.Message)
        {
            RecommendedAction = "Name the package's root file, or add an index.ias that imports the others.",
        };
        return record;
    }

    /// <summary>The record of a public AgentSpec exception: its error id, category, target object and next step.</summary>
    public static ErrorRecord From(AgentSpecException exception)
    {
        var category = Enum.TryParse<ErrorCategory>(exception.Category.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
        var record = new ErrorRecord(exception, exception.ErrorId, category, exception.TargetObject);
        record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
        return record;
    }

    public static ErrorRecord SyntaxError(string target, IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "'{0}' was not formatted because it has {1} syntax error{2}:\n{3}",
            target,
            errors.Count,
            errors.Count == 1 ? string.Empty : "s",
            string.Join("\n", errors.Select(diagnostic => diagnostic.ToText())));
        var exception = new InvalidDataException(message);
        var record = new ErrorRecord(exception, SpecSyntaxError, ErrorCategory.InvalidData, target);
        record.ErrorDetails = new ErrorDetails(message)
        {
            RecommendedAction = "Fix the syntax errors (Test-AgentSpec -Detailed lists them), then format again.",
        };
        return record;
    }
}
