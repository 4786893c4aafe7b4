using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using Docker.DotNet.Models;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// <c>Remove-AgentSpecDeployment -KeepImages</c> on the real engine (deployment spec §6.6): the destroy plan says the
/// image is kept, the container is removed, the image tag stays and only its state entry is dropped. The kept image
/// carries the state's lineage, so the fixture's leftover sweep removes it afterwards.
/// </summary>
[Collection(DockerEnvironment.Name)]
public sealed class DockerKeepImagesTests : IAsyncLifetime
{
    private readonly DockerFixture _docker;
    private readonly string _folder = DockerFixture.TempFolder();
    private readonly int _port = 20000 + Random.Shared.Next(20000);
    private readonly string _package = "keep-images-" + DockerFixture.RunId;

    public DockerKeepImagesTests(DockerFixture docker) => _docker = docker;

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    private string Unit => _package + "-staging";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (!_docker.Skip && _docker.Unavailable is null)
        {
            await _docker.RemoveLeftoversAsync();
        }
    }

    [Fact]
    public async Task KeepImagesRemovesTheContainerAndLeavesTheImage()
    {
        if (!_docker.Ready())
        {
            return;
        }

        var specPath = Path.Combine(_folder, "agent.ias");
        File.WriteAllText(specPath, $$"""
            package "{{_package}}" version "0.1.0" lang "2.0"

            prompt "system" {
              content "Be brief."
            }

            agent "assistant" {
              uses prompt "system"
              model "mock/echo"
            }

            deploy "staging" target "docker" {
              port {{_port}}
            }
            """);
        var settings = new PlanSettings { StatePath = StatePath, Secrets = SecretResolver.Default([]) };
        using (var apply = DeploymentEngine.BeginApply(SpecResolver.Resolve(specPath, null, "staging"), null, settings, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            var applied = await apply.ExecuteAsync(new ApplyOptions { SkipHealthCheck = true }, NullEngineEvents.Instance, CancellationToken.None);
            Assert.True(applied.Outcome == "succeeded", Describe(applied));
        }

        var tag = StateStore.Read(StatePath).Document!.Targets["staging"].Resources.Single(r => r.Type == "Image").Attributes["tag"]!.GetValue<string>();
        var keep = new DestroyOptions { KeepImages = true };
        var plan = DeploymentEngine.PlanDestroy(StatePath, "staging", keep: keep);
        Assert.Equal([("Image", true), ("Container", false)], plan.Changes.Select(c => (c.Type, c.Keep)).OrderBy(c => c.Keep ? 0 : 1));
        Assert.Contains($"# staging/docker/Image/{Unit} will be removed from the state only (kept by -KeepImages)", plan.Render(false), StringComparison.Ordinal);

        using (var destroy = DeploymentEngine.BeginDestroy(StatePath, "staging", null, TimeSpan.Zero, _ => { }, CancellationToken.None, keep: keep))
        {
            var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            Assert.True(destroyed.Outcome == "succeeded", Describe(destroyed));
            Assert.Equal("kept by -KeepImages: removed from the state only", destroyed.Results.Single(r => r.Type == "Image").Message);
        }

        var containers = await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        Assert.DoesNotContain(containers, c => c.Names.Contains("/" + Unit));
        var image = await _docker.Client.Images.InspectImageAsync(tag);
        Assert.Equal("agentspec", image.Config.Labels["app.kubernetes.io/managed-by"]);
        Assert.Empty(StateStore.Read(StatePath).Document!.Targets);
    }

    private static string Describe(ApplyReport report) => string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}"));
}
