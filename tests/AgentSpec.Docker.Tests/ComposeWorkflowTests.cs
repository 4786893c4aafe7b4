using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Logs;
using AgentSpec.Engine.Providers.Compose;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// The docker-compose target end to end on the real engine and the installed compose command (deployment spec §7.3,
/// acceptance scenario 11): a three-service stack where <c>router-svc</c> reaches <c>billing-svc</c> through an env URL
/// and <c>audit-svc</c> stands alone → every service healthy, router started only after billing was healthy → an
/// agent answers through the published port → an unchanged re-apply touches nothing → a memory change recreates only
/// that service → destroy removes the containers, the project network and the images. The secret value never reaches
/// compose.yaml, the state, the plan text or any label.
/// </summary>
[Collection(DockerEnvironment.Name)]
public sealed class ComposeWorkflowTests : IAsyncLifetime
{
    private const string SecretValue = "compose-test-secret-value-0123456789";
    private readonly DockerFixture _docker;
    private readonly string _folder = DockerFixture.TempFolder();
    private readonly string _variable = "AGENTSPEC_COMPOSE_TEST_SECRET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _package = "compose-fixture-" + DockerFixture.RunId;
    private readonly int _billingPort = 20000 + Random.Shared.Next(10000);
    private readonly int _routerPort;
    private readonly int _auditPort;

    public ComposeWorkflowTests(DockerFixture docker)
    {
        _docker = docker;
        _routerPort = _billingPort + 10000;
        _auditPort = _billingPort + 20000;
    }

    private string SpecPath => Path.Combine(_folder, "stack.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    private string Project => ComposeNames.Project(_package);

    private string ComposePath => Path.Combine(ComposeFile.FolderOf(_folder, Project), ComposeFile.FileName);

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, SecretValue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        if (!_docker.Skip && _docker.Unavailable is null)
        {
            await _docker.RemoveLeftoversAsync();
        }
    }

    [Fact]
    public async Task StackComesUpInDependencyOrderStaysUntouchedRecreatesOneServiceAndIsRemoved()
    {
        if (!_docker.Ready())
        {
            return;
        }

        WriteSpec("128Mi");
        var plan = Plan();
        Assert.Equal(["audit-svc", "billing-svc", "router-svc"], plan.Scope.Order(StringComparer.Ordinal));
        Assert.Equal(6, plan.Changes.Count);
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        var router = plan.Changes.Single(c => c.Name == "router-svc");
        Assert.Equal($"router-svc/docker-compose/Service/{Project}/router-svc", router.Address);
        Assert.Contains($"billing-svc/docker-compose/Service/{Project}/billing-svc", router.DependsOn);
        Assert.DoesNotContain(SecretValue, plan.Render(false), StringComparison.Ordinal);

        // Apply: every service healthy; router started only after billing's step (its health wait included) ended.
        var report = await ApplyAsync();
        Assert.True(report.Outcome == "succeeded", Describe(report));
        var services = report.Results.Where(r => r.Type == ComposeResources.ServiceType).ToDictionary(r => r.Name);
        Assert.Equal(3, services.Count);
        Assert.All(services.Values, r => Assert.Equal(HealthState.Healthy, r.Health));
        Assert.True(services["router-svc"].StartedAt >= services["billing-svc"].StartedAt + services["billing-svc"].Duration,
            $"router-svc started at {services["router-svc"].StartedAt:O}, before billing-svc was healthy ({services["billing-svc"].StartedAt + services["billing-svc"].Duration:O})");

        var billing = Assert.Single(await ContainersAsync("billing-svc"));
        var routed = Assert.Single(await ContainersAsync("router-svc"));
        var audit = Assert.Single(await ContainersAsync("audit-svc"));
        Assert.True(DateTimeOffset.Parse(routed.State.StartedAt) > DateTimeOffset.Parse(billing.State.StartedAt));
        Assert.Equal("healthy", billing.State.Health.Status);
        Assert.Equal("healthy", routed.State.Health.Status);
        Assert.Equal(134217728, billing.HostConfig.Memory); // deploy.resources.limits through --compatibility
        Assert.Equal(500000000, billing.HostConfig.NanoCPUs);
        Assert.Equal($"billing-svc/docker-compose/Service/{Project}/billing-svc", billing.Config.Labels["agentspec.io/address"]);
        Assert.Equal(ReadState().Lineage, billing.Config.Labels["agentspec.io/lineage"]);
        Assert.Contains($"EXTRA_TOKEN={SecretValue}", billing.Config.Env);
        Assert.Contains("PRICE=$5 per ${unit}", billing.Config.Env);
        Assert.Contains($"BILLING_AGENT_URL=http://billing-svc:{_billingPort}", routed.Config.Env);

        // The secret is nowhere on disk or in labels; compose.yaml carries the interpolation reference instead.
        var composeText = File.ReadAllText(ComposePath);
        Assert.Contains("EXTRA_TOKEN: \"${AS_SECRET__BILLING_SVC__EXTRA_TOKEN}\"", composeText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, composeText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, File.ReadAllText(StatePath), StringComparison.Ordinal);
        foreach (var container in new[] { billing, routed, audit })
        {
            Assert.DoesNotContain(container.Config.Labels.Values, v => v.Contains(SecretValue, StringComparison.Ordinal));
        }

        // The state records one target per deploy, each with the whole stack as scope and the project as stack.
        var state = ReadState();
        Assert.Equal(["audit-svc", "billing-svc", "router-svc"], state.Targets.Keys.Order(StringComparer.Ordinal));
        Assert.All(state.Targets.Values, t => Assert.Equal(Project, t.Stack));
        Assert.All(state.Targets.Values, t => Assert.Equal(3, t.Scope.Count));

        // Invoke an agent through the router's published port.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
        {
            var response = await http.PostAsJsonAsync($"http://127.0.0.1:{_routerPort}/v1/agents/assistant/invoke", new { message = "hi" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            Assert.Equal("hi", JsonNode.Parse(body)?["output"]?.GetValue<string>());
        }

        // Status and logs read the live stack.
        var status = DeploymentEngine.Status(StatePath, [t => t == "router-svc"], checkHealth: true).Single();
        Assert.Equal(DeploymentHealth.Healthy, status.Health);
        Assert.Equal($"http://127.0.0.1:{_routerPort}", status.Endpoint);
        var logs = await TargetLogs.Read(StatePath, "router-svc", new LogQuery { Tail = 0 }, SecretResolver.Default([]), null, CancellationToken.None).ToListAsync();
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.Equal(routed.Name.TrimStart('/'), l.Source));
        Assert.Equal(logs.Select(l => l.Time).ToList(), logs.Select(l => l.Time).Order().ToList());
        Assert.DoesNotContain(logs, l => (l.Raw + l.Message).Contains(SecretValue, StringComparison.Ordinal));

        // Unchanged: no changes, and a second apply recreates nothing.
        Assert.False(Plan().HasChanges);
        var again = await ApplyAsync();
        Assert.Equal("succeeded", again.Outcome);
        Assert.Empty(again.Results);
        foreach (var before in new[] { billing, routed, audit })
        {
            var after = await _docker.Client.Containers.InspectContainerAsync(before.ID);
            Assert.Equal(before.State.StartedAt, after.State.StartedAt);
        }

        // Memory of billing changes: only billing's service is recreated (with --force-recreate); the others stay.
        WriteSpec("256Mi");
        var changed = Plan();
        var change = Assert.Single(changed.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal($"billing-svc/docker-compose/Service/{Project}/billing-svc", change.Address);
        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.Contains(change.Diffs, d => d.Path == "service.deploy.resources.limits.memory" && d.ForcesReplacement);
        var replaced = await ApplyAsync();
        Assert.True(replaced.Outcome == "succeeded", Describe(replaced));
        var newBilling = Assert.Single(await ContainersAsync("billing-svc"));
        Assert.NotEqual(billing.ID, newBilling.ID);
        Assert.Equal(268435456, newBilling.HostConfig.Memory);
        Assert.Equal(routed.ID, Assert.Single(await ContainersAsync("router-svc")).ID);
        Assert.Equal(audit.ID, Assert.Single(await ContainersAsync("audit-svc")).ID);
        Assert.Equal(routed.State.StartedAt, (await _docker.Client.Containers.InspectContainerAsync(routed.ID)).State.StartedAt);

        // Restore through any deploy of the stack plans the previous configuration: billing back to 128Mi, nothing else.
        var restore = DeploymentEngine.PlanRestore("audit-svc", null, Settings());
        var back = Assert.Single(restore.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal($"billing-svc/docker-compose/Service/{Project}/billing-svc", back.Address);
        Assert.Contains(back.Diffs, d => d.Path == "service.deploy.resources.limits.memory" && d.After?.GetValue<string>() == "128m");

        // -Refresh reads the live stack: a stopped service is planned as a replacement (DriftNotRunning), nothing else drifted.
        await _docker.Client.Containers.StopContainerAsync(audit.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 5 });
        var refreshed = DeploymentEngine.Plan(Resolve(), Settings(refresh: true));
        var drifted = Assert.Single(refreshed.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal(($"audit-svc/docker-compose/Service/{Project}/audit-svc", ChangeAction.Replace, ChangeReason.DriftNotRunning), (drifted.Address, drifted.Action, drifted.Reason));
        Assert.Equal(DriftKind.NotRunning, Assert.Single(refreshed.Drift).Kind);

        // audit-svc leaves the stack: the next apply deletes its service and image and drops its target; the rest stays.
        var auditTag = state.Targets["audit-svc"].Resources.Single(r => r.Type == ComposeResources.ImageType).Attributes["tag"]!.GetValue<string>();
        WriteSpec("256Mi", includeAudit: false);
        var shrunk = Plan();
        Assert.Equal(
            [$"audit-svc/docker-compose/Image/{_package}-audit-svc", $"audit-svc/docker-compose/Service/{Project}/audit-svc"],
            shrunk.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => c.Address));
        Assert.All(shrunk.Changes.Where(c => c.Action != ChangeAction.NoOp), c => Assert.Equal(ChangeAction.Delete, c.Action));
        var removedAudit = await ApplyAsync();
        Assert.True(removedAudit.Outcome == "succeeded", Describe(removedAudit));
        Assert.Empty(await ContainersAsync("audit-svc"));
        Assert.DoesNotContain(await _docker.Client.Images.ListImagesAsync(new ImagesListParameters { All = true }), i => (i.RepoTags ?? []).Contains(auditTag));
        Assert.Equal(["billing-svc", "router-svc"], ReadState().Targets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(newBilling.ID, Assert.Single(await ContainersAsync("billing-svc")).ID);

        // Destroy through any deploy of the stack removes every service, the network and the images.
        var tags = ReadState().Targets.Values.SelectMany(t => t.Resources).Where(r => r.Type == ComposeResources.ImageType)
            .Select(r => r.Attributes["tag"]!.GetValue<string>()).ToList();
        Assert.Equal(2, tags.Count);
        using (var destroy = DeploymentEngine.BeginDestroy(StatePath, "billing-svc", null, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            Assert.Equal(4, destroy.Plan.Changes.Count(c => c.Action == ChangeAction.Delete));
            var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            Assert.True(destroyed.Outcome == "succeeded", Describe(destroyed));
        }

        Assert.Empty(await ContainersAsync(null));
        await Assert.ThrowsAsync<DockerNetworkNotFoundException>(() => _docker.Client.Networks.InspectNetworkAsync(ComposeNames.Network(Project)));
        var images = await _docker.Client.Images.ListImagesAsync(new ImagesListParameters { All = true });
        Assert.DoesNotContain(images, i => (i.RepoTags ?? []).Any(tags.Contains));
        Assert.Empty(ReadState().Targets);
        var history = DeploymentEngine.History(StatePath, [t => t == "router-svc"], null, 0, false);
        // The engine records the all-no-op apply too (the cmdlet stops before it with "No changes"); every operation of
        // the stack is listed under any of its deploys (the destroy was started through billing-svc).
        Assert.Equal(["destroy", "apply", "apply", "apply", "apply"], history.Select(h => h.Operation));
    }

    [Fact]
    public async Task UnhealthyDependencyFailsItsServiceAndSkipsItsDependents()
    {
        if (!_docker.Ready())
        {
            return;
        }

        // billing-svc serves an Anthropic agent without ANTHROPIC_API_KEY: the runtime serves, /healthz answers 503.
        WriteSpec("128Mi", billingAgent: "billing");
        var report = await ApplyAsync(TimeSpan.FromSeconds(60));
        Assert.True(report.Outcome == "partial", Describe(report));
        var services = report.Results.Where(r => r.Type == ComposeResources.ServiceType).ToDictionary(r => r.Name);
        Assert.Equal(ApplyStatus.Failed, services["billing-svc"].Status);
        Assert.Equal(HealthState.Unhealthy, services["billing-svc"].Health);
        Assert.Equal(ErrorIds.HealthCheckFailed, services["billing-svc"].ErrorId);
        Assert.Contains("unhealthy", services["billing-svc"].Error, StringComparison.Ordinal);
        Assert.Equal(ApplyStatus.Skipped, services["router-svc"].Status);
        Assert.Equal(ApplyStatus.Succeeded, services["audit-svc"].Status); // an independent branch continues
        Assert.Empty(await ContainersAsync("router-svc"));

        // The failed service is recorded as failed; the next plan replaces it and still creates the skipped one.
        var next = Plan();
        var billing = next.Changes.Single(c => c.Name == "billing-svc" && c.Type == ComposeResources.ServiceType);
        Assert.Equal((ChangeAction.Replace, ChangeReason.PreviouslyFailed), (billing.Action, billing.Reason));
        Assert.Equal(ChangeAction.Create, next.Changes.Single(c => c.Name == "router-svc" && c.Type == ComposeResources.ServiceType).Action);

        using var destroy = DeploymentEngine.BeginDestroy(StatePath, "billing-svc", null, TimeSpan.Zero, _ => { }, CancellationToken.None);
        var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
        Assert.True(destroyed.Outcome == "succeeded", Describe(destroyed));
        Assert.Empty(await ContainersAsync(null));
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
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", $"tcp://127.0.0.1:{closed}");
            var error = await Assert.ThrowsAnyAsync<AgentSpecException>(() => ApplyAsync());
            Assert.Equal(ErrorIds.TargetUnreachable, error.ErrorId);
            Assert.Contains($"Cannot reach the Docker engine at tcp://127.0.0.1:{closed}", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(StatePath), "nothing may be recorded when the engine cannot be reached");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", null);
        }
    }

    [Fact]
    public async Task MissingComposeCommandIsComposeNotInstalledAndRecordsNothing()
    {
        if (!_docker.Ready())
        {
            return;
        }

        WriteSpec("128Mi");
        var previous = Environment.GetEnvironmentVariable("AGENTSPEC_COMPOSE_COMMAND");
        try
        {
            Environment.SetEnvironmentVariable("AGENTSPEC_COMPOSE_COMMAND", "agentspec-no-such-compose");
            var error = await Assert.ThrowsAnyAsync<AgentSpecException>(() => ApplyAsync());
            Assert.Equal(ErrorIds.ComposeNotInstalled, error.ErrorId);
            Assert.Contains("agentspec-no-such-compose", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(StatePath), "nothing may be recorded when compose is missing");
            Assert.Empty(await ContainersAsync(null));

            // The installed v1 is found when named, and is run with --compatibility.
            Environment.SetEnvironmentVariable("AGENTSPEC_COMPOSE_COMMAND", "docker-compose");
            var command = ComposeCommand.Detect();
            Assert.True(command.Legacy);
            Assert.True(System.Version.Parse(command.Version) >= ComposeCommand.MinimumV1, command.Version);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AGENTSPEC_COMPOSE_COMMAND", previous);
        }
    }

    private void WriteSpec(string memory, string billingAgent = "assistant", bool includeAudit = true) => File.WriteAllText(SpecPath, $$"""
        package "{{_package}}" version "0.1.0" lang "2.0"

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

        agent "billing" {
          uses prompt "system"
          model "claude-sonnet-4-20250514"
        }

        deploy "router-svc" target "docker-compose" {
          agents ["assistant"]
          port {{_routerPort}}
          health {
            path "/healthz"
            interval "2s"
            timeout "1s"
          }
          env {
            BILLING_AGENT_URL "http://billing-svc:{{_billingPort}}"
          }
        }

        deploy "billing-svc" target "docker-compose" {
          agents ["{{billingAgent}}"]
          port {{_billingPort}}
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
            PRICE "$5 per ${unit}"
          }
          secrets {
            EXTRA_TOKEN "token"
          }
        }

        """ + (includeAudit ? $$"""

        deploy "audit-svc" target "docker-compose" {
          agents ["assistant"]
          port {{_auditPort}}
          health {
            path "/healthz"
            interval "2s"
            timeout "1s"
          }
        }
        """ : string.Empty));

    private async Task<IReadOnlyList<ContainerInspectResponse>> ContainersAsync(string? service)
    {
        var labels = new Dictionary<string, bool> { [$"{ComposeNames.ProjectLabel}={Project}"] = true };
        if (service is not null)
        {
            labels[$"{ComposeNames.ServiceLabel}={service}"] = true;
        }

        var listed = await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels },
        });
        var inspected = new List<ContainerInspectResponse>();
        foreach (var container in listed)
        {
            inspected.Add(await _docker.Client.Containers.InspectContainerAsync(container.ID));
        }

        return inspected;
    }

    private StateDocument ReadState() => StateStore.Read(StatePath).Document ?? throw new InvalidOperationException("no state");

    private static string Describe(ApplyReport report) => string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Message} {r.Error}"));

    private PlanSettings Settings(bool refresh = false) => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]), Refresh = refresh };

    private ResolvedDeployment Resolve() => SpecResolver.Resolve(SpecPath, null, "router-svc");

    private Plan Plan() => DeploymentEngine.Plan(Resolve(), Settings());

    private async Task<ApplyReport> ApplyAsync(TimeSpan? healthTimeout = null)
    {
        using var session = DeploymentEngine.BeginApply(Resolve(), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = healthTimeout ?? TimeSpan.FromSeconds(90) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
