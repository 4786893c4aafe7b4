using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.Providers.Kubernetes;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine;

/// <summary>
/// Where a recorded target answers (deployment spec §10.3.7 <c>Endpoint</c>), from the recorded attributes: process
/// <c>http://host:port</c>, docker and docker-compose the published host port on loopback, kubernetes the Service's
/// cluster DNS name.
/// </summary>
public static class DeploymentEndpoint
{
    public static string? Of(TargetRecord target)
    {
        if (target.Kind == Providers.Compose.ComposeResources.Kind)
        {
            return Providers.Compose.ComposeStatus.PublishedPort(target) is { } published ? Url("127.0.0.1", published) : null;
        }

        foreach (var resource in target.Resources)
        {
            var attributes = resource.Attributes;
            var url = (target.Kind, resource.Type) switch
            {
                (ProcessResources.Kind, ProcessResources.ProcessType) => Number(attributes["port"]) is { } port
                    ? Url(attributes["bindHost"]?.GetValue<string>() ?? "127.0.0.1", port)
                    : null,
                (DockerResources.Kind, DockerResources.ContainerType) => Number((attributes["ports"] as JsonArray)?.FirstOrDefault()?["host"]) is { } published
                    ? Url("127.0.0.1", published)
                    : null,
                (KubernetesResources.Kind, KubernetesResources.ServiceType) => Number((attributes["spec"]?["ports"] as JsonArray)?.FirstOrDefault()?["port"]) is { } servicePort
                    ? Url($"{resource.Name}.{resource.Scope ?? "default"}.svc", servicePort)
                    : null,
                _ => null,
            };
            if (url is not null)
            {
                return url;
            }
        }

        return null;
    }

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static string Url(string host, long port) => string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}");
}
