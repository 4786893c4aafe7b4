using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// <c>-KubeConfig</c> and <c>-Context</c> (deployment spec §2.4, §7.4) reach the provider through
/// <see cref="TargetConnection"/>, winning over <c>KUBECONFIG</c>/<c>AGENTSPEC_KUBE_CONTEXT</c>; a wrong context or an
/// unreachable server stops the apply with <c>TargetUnreachable</c> before anything is written or recorded.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class KubernetesConnectionTests : IAsyncLifetime
{
    private readonly string _folder = KubernetesFixture.TempFolder();
    private FakeApiServer _fake = null!;

    private string SpecPath => Path.Combine(_folder, "production.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    public async Task InitializeAsync()
    {
        _fake = await FakeApiServer.StartAsync();
        // The environment points elsewhere: only the parameters can lead the provider to the fake.
        Environment.SetEnvironmentVariable("KUBECONFIG", Path.Combine(_folder, "no-such-kubeconfig"));
        Environment.SetEnvironmentVariable("AGENTSPEC_KUBE_CONTEXT", "from-environment");
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", "sk-ant-fake-connection-test-0123456789");
        File.Copy(KubernetesFixture.ProductionExample, SpecPath);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("KUBECONFIG", null);
        Environment.SetEnvironmentVariable("AGENTSPEC_KUBE_CONTEXT", null);
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", null);
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ContextParameterPicksTheSecondContextOfTheKubeConfigParameter()
    {
        var kubeconfig = TwoContexts();
        var report = await ApplyAsync(new TargetConnection { KubeConfig = kubeconfig, Context = "fake" });

        Assert.True(report.Outcome == "succeeded", string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        Assert.Contains(_fake.Journal, r => r.IsMutating);
        var endpoint = StateStore.Read(StatePath).Document!.Targets["production"].Endpoint;
        Assert.Equal("fake", endpoint["context"]!.GetValue<string>());
        Assert.Equal(_fake.Url.ToString().TrimEnd('/'), endpoint["server"]!.GetValue<string>().TrimEnd('/'));

        // Status and destroy reach the same cluster through the same parameters.
        var status = Assert.Single(DeploymentEngine.Status(StatePath, [], checkHealth: true, new TargetConnection { KubeConfig = kubeconfig, Context = "fake" }));
        Assert.All(status.Resources, r => Assert.DoesNotContain("unknown", r.Live, StringComparison.Ordinal));
        using var destroy = DeploymentEngine.BeginDestroy(StatePath, "production", null, TimeSpan.Zero, _ => { }, CancellationToken.None,
            new TargetConnection { KubeConfig = kubeconfig, Context = "fake" });
        Assert.Equal("succeeded", (await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None)).Outcome);
        Assert.Equal(1, _fake.Store.Count);
    }

    [Fact]
    public async Task UnknownContextNamesTheAvailableOnesAndChangesNothing()
    {
        var kubeconfig = TwoContexts();
        var exception = await Assert.ThrowsAsync<AgentSpecException>(() => ApplyAsync(new TargetConnection { KubeConfig = kubeconfig, Context = "staging" }));

        Assert.Equal(ErrorIds.TargetUnreachable, exception.ErrorId);
        Assert.Contains("Context \"staging\" is not defined", exception.Message, StringComparison.Ordinal);
        Assert.Contains("available contexts: \"dead\", \"fake\"", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Journal, r => r.IsMutating);
        Assert.Null(StateStore.Read(StatePath).Document);
    }

    [Fact]
    public async Task UnreachableApiServerIsTargetUnreachableAndNothingIsRecorded()
    {
        var kubeconfig = TwoContexts();
        Environment.SetEnvironmentVariable("AGENTSPEC_KUBE_CONTEXT", null);
        var exception = await Assert.ThrowsAsync<AgentSpecException>(() => ApplyAsync(new TargetConnection { KubeConfig = kubeconfig }));

        // current-context is "dead": a port nothing listens on.
        Assert.Equal(ErrorIds.TargetUnreachable, exception.ErrorId);
        Assert.Contains("(context \"dead\") cannot be reached", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Journal);
        Assert.Null(StateStore.Read(StatePath).Document);
    }

    /// <summary>A kubeconfig whose current context is a dead server and whose second context is the fake.</summary>
    private string TwoContexts()
    {
        var path = Path.Combine(_folder, "two-contexts.yaml");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: dead
              cluster:
                server: http://127.0.0.1:{ClosedPort()}
            - name: fake
              cluster:
                server: {_fake.Url.ToString().TrimEnd('/')}
            users:
            - name: tester
              user:
                token: fake-token
            contexts:
            - name: dead
              context:
                cluster: dead
                user: tester
            - name: fake
              context:
                cluster: fake
                user: tester
            current-context: dead
            """);
        return path;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<ApplyReport> ApplyAsync(TargetConnection connection)
    {
        var settings = new PlanSettings { StatePath = StatePath, Secrets = SecretResolver.Default([]), Connection = connection };
        using var session = DeploymentEngine.BeginApply(SpecResolver.Resolve(SpecPath, "prod", "production"), null, settings, TimeSpan.Zero, _ => { }, CancellationToken.None);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
