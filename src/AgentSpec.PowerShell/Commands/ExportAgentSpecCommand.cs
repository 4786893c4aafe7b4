using System.Management.Automation;
using System.Text;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Export-AgentSpec</c> (deployment spec §10.3.11): the deployable artefacts of one target, computed offline from
/// the same generators apply uses — process <c>launch.json</c> and <c>config.json</c>, Kubernetes
/// <c>manifests.yaml</c>, <c>secret.template.yaml</c> and (with <c>-Rbac</c>) <c>rbac.yaml</c>, and always <c>resolved.json</c>. No
/// target is contacted and no secret value is read. One <see cref="FileInfo"/> per file written.
/// </summary>
[Cmdlet(VerbsData.Export, "AgentSpec", DefaultParameterSetName = ParameterSetNames.Path, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportAgentSpecCommand : SpecSelectionCommand
{
    private int _exported;

    /// <summary>The folder the files are written to (created when missing).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>Auto (by target kind), Process, Dockerfile, Kubernetes or Json (resolved.json only).</summary>
    [Parameter]
    [ValidateSet("Auto", "Process", "Dockerfile", "Compose", "Kubernetes", "Json", IgnoreCase = true)]
    public string Format { get; set; } = "Auto";

    /// <summary>The state read (read-only) for the Kubernetes lineage label.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>The base image of built agent images (else <c>AGENTSPEC_BASE_IMAGE</c>, else the .NET runtime-deps image).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseImage { get; set; }

    /// <summary>Kubernetes only: also writes <c>rbac.yaml</c>, the Role (and ClusterRole) the deploying identity needs.</summary>
    [Parameter]
    public SwitchParameter Rbac { get; set; }

    /// <summary>Copies the Linux runtime into every build context (beside each Dockerfile) so the folder builds as is.</summary>
    [Parameter]
    public SwitchParameter IncludeRuntime { get; set; }

    /// <summary>Writes into a folder that is not empty, overwriting files of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool MissingFileIsTerminating => true;

    protected override void ProcessRecord()
    {
        try
        {
            foreach (var path in ResolveInputPaths(onMissing: _ => { }))
            {
                ExportOne(SpecResolver.Resolve(path, Environment, Target));
            }
        }
        catch (AgentSpecException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.From(exception));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            ThrowTerminatingError(SpecErrorRecords.FileNotFound(exception.Message, exception));
        }
        catch (AmbiguousRootException exception)
        {
            ThrowTerminatingError(SpecErrorRecords.RootAmbiguous(exception));
        }
    }

    private void ExportOne(ResolvedDeployment resolved)
    {
        resolved.ThrowIfFailed();
        if (++_exported > 1)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Export-AgentSpec exports one specification per output folder; run it once per specification."),
                "ParameterConflict",
                ErrorCategory.InvalidArgument,
                OutputPath));
        }

        var current = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        foreach (var diagnostic in resolved.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            WriteWarning(DisplayPath.Of(diagnostic, current).ToText());
        }

        var state = StateLocator.ForSpec(this, StatePath, resolved);
        var files = EngineFacade.Export(resolved, Format, state, TargetOptions.From(this, null, null, BaseImage), Rbac);
        var runtimes = IncludeRuntime ? EngineFacade.ExportRuntimeCopies(files, resolved.Target ?? string.Empty) : new Dictionary<string, string>();
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        var shown = DisplayPath.Of(folder, current);
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !Force))
        {
            throw new AgentSpecException(ErrorIds.OutputPathNotEmpty, AgentSpecErrorCategory.ResourceExists,
                File.Exists(folder) ? $"The output path \"{shown}\" is a file, not a folder." : $"The output folder \"{shown}\" is not empty; nothing was written.", folder)
            {
                RecommendedAction = "Choose an empty or new folder, or pass -Force to overwrite files of the same name.",
            };
        }

        if (!ShouldProcess(shown, $"Export {string.Join(", ", files.Keys.Concat(runtimes.Keys).Order(StringComparer.Ordinal))} of target \"{resolved.Target}\""))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, content) in files)
        {
            var file = System.IO.Path.Combine(folder, name.Replace('/', System.IO.Path.DirectorySeparatorChar));
            if (System.IO.Path.GetDirectoryName(file) is { } parent)
            {
                Directory.CreateDirectory(parent);
            }

            File.WriteAllText(file, content, encoding);
            WriteVerbose($"Wrote {DisplayPath.Of(file, current)}.");
            WriteObject(new FileInfo(file));
        }

        foreach (var (name, source) in runtimes)
        {
            var file = System.IO.Path.Combine(folder, name.Replace('/', System.IO.Path.DirectorySeparatorChar));
            File.Copy(source, file, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            WriteVerbose($"Copied the runtime to {DisplayPath.Of(file, current)}.");
            WriteObject(new FileInfo(file));
        }
    }
}
