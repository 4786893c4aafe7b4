namespace AgentSpec.Engine.Export;

/// <summary>The <c>-Format</c> values of <c>Export-AgentSpec</c> this engine can produce (deployment spec §10.3.11).</summary>
public static class ExportFormats
{
    public const string Auto = "Auto";
    public const string Process = "Process";
    public const string Kubernetes = "Kubernetes";
    public const string Dockerfile = "Dockerfile";
    public const string Compose = "Compose";
    public const string Json = "Json";

    public const string ResolvedFile = "resolved.json";
}
