using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using Docker.DotNet.Models;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// The docker target end to end on the real engine: apply a mock-model spec → container healthy → invoke through the
/// published port → an unchanged plan → change <c>resources.memory</c> → the plan shows it → apply replaces the container →
/// destroy removes the container and the image tag; an unreachable engine records nothing.
/// </summary>
[Collection(DockerEnvironment.Name)]
public sealed class DockerWorkflowTests : IAsyncLifetime
{
    private const string SecretValue = "docker-test-secret-value-0123456789";
    private readonly DockerFixture _docker;
    private readonly string _folder = DockerFixture.TempFolder();
    private readonly string _variable = "AGENTSPEC_DOCKER_TEST_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly int _port = 20000 + Random.Shared.Next(20000);

    public DockerWorkflowTests(DockerFixture docker) => _docker = docker;

    private string SpecPath => Path.Combine(_folder, "agent.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    private string Unit => "docker-fixture-staging";

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, SecretValue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Environment.SetEnvironmentVariable("DOCKER_HOST", null);
        if (!_docker.Skip && _docker.Unavailable is null)
        {
            await _docker.RemoveLeftoversAsync();
        }
    }

    [Fact]
    public async Task ApplyInvokeChangeMemoryDestroy()
    {
        if (!_docker.Ready())
        {
            return;
        }

        WriteSpec("128Mi");
        var plan = Plan();
        Assert.Equal(
            ["staging/docker/Container/" + Unit, "staging/docker/Image/" + Unit],
            plan.Changes.Select(c => c.Address).Order(StringComparer.Ordinal));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));

        var report = await ApplyAsync();
        Assert.True(report.Outcome == "succeeded", string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        Assert.Equal(HealthState.Healthy, report.Results.Single(r => r.Type == "Container").Health);

        // docker inspect: our labels, the limits from resources, the health check from health, the secret only in the environment.
        var container = await _docker.Client.Containers.InspectContainerAsync(Unit);
        Assert.Equal("agentspec", container.Config.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("staging/docker/Container/" + Unit, container.Config.Labels["agentspec.io/address"]);
        Assert.StartsWith("sha256:", container.Config.Labels["agentspec.io/spec-hash"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(container.Config.Labels["agentspec.io/lineage"]));
        Assert.Equal(134217728, container.HostConfig.Memory);
        Assert.Equal(500000000, container.HostConfig.NanoCPUs);
        Assert.Equal(["CMD", "/app/agentspec", "healthcheck", "--port", _port.ToString(), "--path", "/healthz", "--timeout", "1s"], container.Config.Healthcheck.Test);
        Assert.Equal("65532:65532", container.Config.User);
        Assert.Contains($"EXTRA_TOKEN={SecretValue}", container.Config.Env);
        var image = await _docker.Client.Images.InspectImageAsync("agentspec-docker-fixture-staging:0.1.0");
        Assert.DoesNotContain(image.Config.Env ?? [], e => e.Contains(SecretValue, StringComparison.Ordinal));
        Assert.DoesNotContain(image.Config.Labels.Values, v => v.Contains(SecretValue, StringComparison.Ordinal));
        Assert.DoesNotContain(SecretValue, File.ReadAllText(StatePath), StringComparison.Ordinal);

        // Invoke through the published port.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
        {
            var response = await http.PostAsJsonAsync($"http://127.0.0.1:{_port}/v1/agents/assistant/invoke", new { message = "hi" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            Assert.Equal("hi", JsonNode.Parse(body)?["output"]?.GetValue<string>());
        }

        // Unchanged: nothing to do, and a second apply leaves the container alone.
        Assert.False(Plan().HasChanges);
        var first = container.ID;
        var again = await ApplyAsync();
        Assert.Equal("succeeded", again.Outcome);
        var untouched = await _docker.Client.Containers.InspectContainerAsync(Unit);
        Assert.Equal(first, untouched.ID);
        Assert.Equal(container.State.StartedAt, untouched.State.StartedAt);

        // Memory change: the plan shows memoryBytes; apply replaces the container.
        WriteSpec("256Mi");
        var changed = Plan();
        var change = Assert.Single(changed.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal("staging/docker/Container/" + Unit, change.Address);
        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Contains(change.Diffs, d => d.Path == "memoryBytes");
        var replaced = await ApplyAsync();
        Assert.True(replaced.Outcome == "succeeded", string.Join("\n", replaced.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        var second = await _docker.Client.Containers.InspectContainerAsync(Unit);
        Assert.NotEqual(first, second.ID);
        Assert.Equal(268435456, second.HostConfig.Memory);

        // Drift read-back: a stopped container shows as not running.
        await _docker.Client.Containers.StopContainerAsync(second.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 5 });
        var status = DeploymentEngine.Status(StatePath, [], checkHealth: true);
        Assert.Contains(status.Single().Resources, r => r.Type == "Container" && r.Live.StartsWith("not running", StringComparison.Ordinal));
        await _docker.Client.Containers.StartContainerAsync(second.ID, new ContainerStartParameters());

        // Destroy removes the container and the image tag recorded in state.
        using (var destroy = DeploymentEngine.BeginDestroy(StatePath, "staging", null, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            Assert.True(destroyed.Outcome == "succeeded", string.Join("\n", destroyed.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        }

        var left = await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        Assert.DoesNotContain(left, c => c.Names.Contains("/" + Unit));
        var images = await _docker.Client.Images.ListImagesAsync(new ImagesListParameters { All = true });
        Assert.DoesNotContain(images, i => (i.RepoTags ?? []).Contains("agentspec-docker-fixture-staging:0.1.0"));
    }

    [Fact]
    public async Task UnreachableEngineIsTargetUnreachableAndRecordsNothing()
    {
        if (!_docker.Ready())
        {
            return;
        }

        WriteSpec("128Mi");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Environment.SetEnvironmentVariable("DOCKER_HOST", $"tcp://127.0.0.1:{closed}");
        var error = await Assert.ThrowsAnyAsync<AgentSpecException>(ApplyAsync);
        Assert.Equal(ErrorIds.TargetUnreachable, error.ErrorId);
        Assert.Contains($"Cannot reach the Docker engine at tcp://127.0.0.1:{closed}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is dockerd running? Check DOCKER_HOST.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath), "nothing may be recorded when the engine cannot be reached");
    }

    [Fact]
    public async Task MissingCredentialIsReportedUnhealthyWithinTheHealthTimeout()
    {
        if (!_docker.Ready())
        {
            return;
        }

        // An Anthropic model without ANTHROPIC_API_KEY: the runtime serves, /healthz answers 503 (provider check fails).
        File.WriteAllText(SpecPath, $$"""
            package "docker-fixture" version "0.1.0" lang "2.0"

            prompt "system" {
              content "Be brief."
            }

            agent "assistant" {
              uses prompt "system"
              model "claude-sonnet-4-20250514"
            }

            deploy "staging" target "docker" {
              port {{_port}}
              health {
                path "/healthz"
                interval "2s"
                timeout "1s"
              }
            }
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await ApplyAsync();
        Assert.Equal("partial", report.Outcome); // the image was built; the container failed its health check
        var container = report.Results.Single(r => r.Type == "Container");
        Assert.Equal(HealthState.Unhealthy, container.Health);
        Assert.Equal(ErrorIds.HealthCheckFailed, container.ErrorId);
        Assert.Contains("unhealthy", container.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    private void WriteSpec(string memory) => File.WriteAllText(SpecPath, $$"""
        package "docker-fixture" version "0.1.0" lang "2.0"

        prompt "system" {
          content "Be brief."
        }

        agent "assistant" {
          uses prompt "system"
          model "mock/echo"
        }

        secret "token" {
          env({{_variable}})
        }

        deploy "staging" target "docker" {
          port {{_port}}
          resources {
            cpu "500m"
            memory "{{memory}}"
          }
          health {
            path "/healthz"
            interval "2s"
            timeout "1s"
          }
          env {
            LOG_LEVEL "info"
          }
          secrets {
            EXTRA_TOKEN "token"
          }
        }
        """);

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]) };

    private ResolvedDeployment Resolve() => SpecResolver.Resolve(SpecPath, null, "staging");

    private Plan Plan() => DeploymentEngine.Plan(Resolve(), Settings());

    private async Task<ApplyReport> ApplyAsync()
    {
        using var session = DeploymentEngine.BeginApply(Resolve(), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(60) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
