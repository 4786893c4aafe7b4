namespace AgentSpec.Docker.Tests;

/// <summary>Tests that use the Docker engine and set DOCKER_HOST run one at a time, sharing one <see cref="DockerFixture"/>.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerEnvironment : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker engine";
}
