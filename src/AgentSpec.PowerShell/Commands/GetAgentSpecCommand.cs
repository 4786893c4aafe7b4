using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>
/// <c>Get-AgentSpec</c>: parses and binds a specification and outputs it as an <see cref="Document"/> (deployment spec
/// §10.3.3). Problems in the specification are in <c>Document.Diagnostics</c>, never thrown.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AgentSpec", DefaultParameterSetName = ParameterSetNames.Path)]
[OutputType(typeof(Document))]
public sealed class GetAgentSpecCommand : SpecPathCommand
{
    protected override void ProcessRecord()
    {
        foreach (var path in ResolveInputPaths(onMissing: _ => { }))
        {
            var document = LoadDocument(path);
            if (document is not null)
            {
                WriteObject(document);
            }
        }
    }
}
