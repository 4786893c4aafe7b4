using System.Management.Automation;
using System.Text;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Format-AgentSpec</c>: the canonical formatter (deployment spec §10.3.2). Outputs the formatted text per input;
/// <c>-Check</c> outputs one Boolean for all inputs; <c>-InPlace</c> rewrites files whose text changes, under
/// ShouldProcess. A file with syntax errors is never touched: it is reported as <c>SpecSyntaxError</c>.
/// </summary>
/// <remarks>
/// Piped strings bind to <c>-InputObject</c> (text in, text out), which is therefore the default parameter set; piped
/// files (<c>Get-ChildItem *.ias</c>) bind to <c>-LiteralPath</c> through their <c>PSPath</c> property.
/// </remarks>
[Cmdlet(
    VerbsCommon.Format,
    "AgentSpec",
    DefaultParameterSetName = ParameterSetNames.InputObject,
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string), ParameterSetName = new[] { ParameterSetNames.InputObject, ParameterSetNames.Path, ParameterSetNames.LiteralPath })]
[OutputType(typeof(bool), typeof(FileInfo))]
public sealed class FormatAgentSpecCommand : SpecPathCommand
{
    /// <summary>The name diagnostics use for text given through <c>-InputObject</c>.</summary>
    public const string InputObjectFileName = "<input>";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private bool _allFormatted = true;

    /// <summary>IntentLang source text to format.</summary>
    [Parameter(ParameterSetName = ParameterSetNames.InputObject, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string InputObject { get; set; } = string.Empty;

    /// <summary>Outputs one Boolean for all inputs instead of the formatted text.</summary>
    [Parameter]
    public SwitchParameter Check { get; set; }

    /// <summary>Rewrites files whose canonical form differs from their content.</summary>
    [Parameter(ParameterSetName = ParameterSetNames.Path)]
    [Parameter(ParameterSetName = ParameterSetNames.LiteralPath)]
    public SwitchParameter InPlace { get; set; }

    /// <summary>With <c>-InPlace</c>: outputs a FileInfo for each file that was rewritten.</summary>
    [Parameter(ParameterSetName = ParameterSetNames.Path)]
    [Parameter(ParameterSetName = ParameterSetNames.LiteralPath)]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (PassThru && !InPlace)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-PassThru can only be used together with -InPlace."),
                "PassThruRequiresInPlace",
                ErrorCategory.InvalidArgument,
                null));
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ParameterSetNames.InputObject)
        {
            Handle(SpecFormatter.FormatText(InputObject, InputObjectFileName), InputObjectFileName);
            return;
        }

        foreach (var path in ResolveInputPaths(onMissing: _ => _allFormatted = false))
        {
            foreach (var file in SpecFiles(path))
            {
                FormatResult result;
                try
                {
                    result = SpecFormatter.FormatFile(file);
                }
                catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
                {
                    WriteFileNotFound(file, exception);
                    _allFormatted = false;
                    continue;
                }

                Handle(result, file);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (Check)
        {
            WriteObject(_allFormatted);
        }
    }

    /// <summary>A directory stands for its package: every <c>.ias</c> file directly inside it.</summary>
    private static IEnumerable<string> SpecFiles(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.ias").Order(StringComparer.Ordinal)
            : new[] { path };

    private void Handle(FormatResult result, string target)
    {
        if (!result.Success || result.FormattedText is null)
        {
            _allFormatted = false;
            var currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            var shown = result.Diagnostics.Select(diagnostic => DisplayPath.Of(diagnostic, currentDirectory));
            WriteError(SpecErrorRecords.SyntaxError(target, shown));
            return;
        }

        if (result.IsChanged)
        {
            _allFormatted = false;
            if (Check)
            {
                var shown = DisplayPath.Of(target, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
                WriteInformation($"{shown} is not formatted", new[] { "AgentSpec.Format", "PSHOST" });
            }
        }

        if (InPlace)
        {
            Rewrite(target, result.FormattedText, result.IsChanged);
        }
        else if (!Check)
        {
            WriteObject(result.FormattedText);
        }
    }

    private void Rewrite(string path, string formattedText, bool changed)
    {
        if (!changed || !ShouldProcess(path, "Write the canonical formatting"))
        {
            return;
        }

        try
        {
            File.WriteAllText(path, formattedText, Utf8NoBom);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(exception, "SpecWriteFailed", ErrorCategory.WriteError, path));
            return;
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(path));
        }
    }
}
