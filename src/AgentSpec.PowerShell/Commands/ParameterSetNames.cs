namespace AgentSpec.Commands;

/// <summary>The parameter set names shared by the spec cmdlets (deployment spec §10.1).</summary>
internal static class ParameterSetNames
{
    public const string Path = "Path";

    public const string LiteralPath = "LiteralPath";

    public const string InputObject = "InputObject";
}
