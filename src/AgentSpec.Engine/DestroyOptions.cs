namespace AgentSpec.Engine;

/// <summary>
/// What a destroy leaves in place (deployment spec §6.6): with <see cref="KeepImages"/> the docker and docker-compose
/// images, with <see cref="KeepNamespace"/> a Kubernetes namespace that AgentSpec created. A kept object is dropped
/// from the state only.
/// </summary>
public sealed class DestroyOptions
{
    public static readonly DestroyOptions None = new();

    public bool KeepImages { get; init; }

    public bool KeepNamespace { get; init; }
}
