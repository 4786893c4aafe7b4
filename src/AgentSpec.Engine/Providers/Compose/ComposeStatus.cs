using System.Globalization;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>What <c>Get-AgentSpecDeployment</c> shows for a recorded compose deploy: its published port and replica count.</summary>
public static class ComposeStatus
{
    /// <summary>The host port of the deploy's own service when it is published on a fixed port (<c>"8080:8080"</c>), else null.</summary>
    public static long? PublishedPort(TargetRecord target)
    {
        var ports = Service(target)?.Attributes["service"]?["ports"]?.AsArray();
        var first = ports?.FirstOrDefault()?.GetValue<string>();
        return first is not null && first.Split(':') is [var host, _] && long.TryParse(host, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>The recorded replica count of the deploy's own service (<c>"2"</c>), else null.</summary>
    public static string? Replicas(TargetRecord target) =>
        Service(target) is { } service && DockerContainerSpec.Long(service.Attributes["replicas"]) is { } replicas
            ? replicas.ToString(CultureInfo.InvariantCulture)
            : null;

    private static ResourceRecord? Service(TargetRecord target) =>
        target.Kind == ComposeResources.Kind ? target.Resources.FirstOrDefault(r => r.Type == ComposeResources.ServiceType) : null;
}
