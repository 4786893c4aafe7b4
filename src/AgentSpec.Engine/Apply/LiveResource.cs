namespace AgentSpec.Engine.Apply;

/// <summary>What a provider reads live for one recorded resource.</summary>
public sealed record LiveResource(bool Exists, bool Running, string Description, DeploymentHealth Health = DeploymentHealth.Unknown, string? HealthDetail = null);
