using AgentSpec.Engine.Desired;

namespace AgentSpec.Engine.Providers.Docker;

/// <summary>
/// The files <c>Export-AgentSpec -Target docker</c> writes (deployment spec §1.3 <c>Export</c>): the build context text that
/// apply sends — <c>Dockerfile</c> and the secret-free <c>config.json</c> — taken from the very desired Image attributes.
/// </summary>
public static class DockerExport
{
    public const string DockerfileName = "Dockerfile";
    public const string ConfigName = "config.json";

    public static IReadOnlyDictionary<string, string> Render(IEnumerable<DesiredResource> resources)
    {
        var image = resources.FirstOrDefault(r => r.Kind == DockerResources.Kind && r.Type == DockerResources.ImageType)
            ?? throw new InvalidOperationException("no docker Image resource to export");
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [DockerfileName] = image.Attributes["dockerfile"]?.GetValue<string>() ?? string.Empty,
            [ConfigName] = Json.JsonFiles.Write(image.Attributes["config"]),
        };
    }
}
