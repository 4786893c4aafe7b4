using System.Text.Json.Nodes;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// The production example with <c>-Environment prod</c> applied through the engine and the real KubernetesClient to
/// the fake API server: exactly the objects of deployment spec §7.4 with the example's values, an unchanged second
/// apply that sends no mutating request, an image change that patches only the Deployment, destroy.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class KubernetesWorkflowTests : IAsyncLifetime
{
    private const string SecretValue = "sk-ant-fake-value-for-k8s-0123456789";
    private const string Unit = "production-best-practices-production";
    private readonly string _folder = KubernetesFixture.TempFolder();
    private FakeApiServer _fake = null!;

    private string SpecPath => Path.Combine(_folder, "production.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    public async Task InitializeAsync()
    {
        _fake = await FakeApiServer.StartAsync();
        Environment.SetEnvironmentVariable("KUBECONFIG", _fake.WriteKubeConfig(_folder));
        Environment.SetEnvironmentVariable("AGENTSPEC_KUBE_CONTEXT", null);
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", SecretValue);
        File.Copy(KubernetesFixture.ProductionExample, SpecPath);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("KUBECONFIG", null);
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", null);
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ApplyConvergeChangeImageDestroy()
    {
        // Plan: the seven objects, in dependency order.
        var plan = Plan();
        Assert.Equal(
            [
                "production/kubernetes/ConfigMap/agents/" + Unit + "-config",
                "production/kubernetes/Deployment/agents/" + Unit,
                "production/kubernetes/HorizontalPodAutoscaler/agents/" + Unit,
                "production/kubernetes/Namespace/agents",
                "production/kubernetes/PodDisruptionBudget/agents/" + Unit,
                "production/kubernetes/Secret/agents/" + Unit + "-secrets",
                "production/kubernetes/Service/agents/" + Unit,
            ],
            plan.Changes.Select(c => c.Address).Order(StringComparer.Ordinal));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.Empty(_fake.Journal);

        var report = await ApplyAsync();
        Assert.True(report.Outcome == "succeeded", string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}")));
        Assert.Equal(HealthState.Healthy, report.Results.Single(r => r.Type == "Deployment").Health);

        // Every write was a server-side apply by field manager agentspec, strictly validated.
        var writes = _fake.Journal.Where(r => r.IsMutating).ToList();
        Assert.Equal(7, writes.Count);
        Assert.All(writes, w =>
        {
            Assert.Equal("PATCH", w.Method);
            Assert.StartsWith("application/apply-patch+yaml", w.ContentType, StringComparison.Ordinal);
            Assert.Contains("fieldManager=agentspec", w.Query, StringComparison.Ordinal);
            Assert.Contains("fieldValidation=Strict", w.Query, StringComparison.Ordinal);
        });
        var order = writes.Select(w => w.Path.Split('/')[^2]).ToList();
        Assert.True(order.IndexOf("namespaces") < order.IndexOf("secrets") && order.IndexOf("secrets") < order.IndexOf("deployments")
            && order.IndexOf("configmaps") < order.IndexOf("deployments") && order.IndexOf("deployments") < order.IndexOf("services"), string.Join(",", order));

        // Exactly the objects of §7.4 (plus the cluster's own default namespace), with the example's values.
        Assert.Equal(8, _fake.Store.Count);
        var deployment = Live("Deployment", Unit);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("agentspec/assistant:1.0.0", container["image"]!.GetValue<string>());
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Contains(deployment["metadata"]!["managedFields"]!.AsArray(), f => f!["manager"]!.GetValue<string>() == "kube-controller-manager");
        Assert.DoesNotContain("\"replicas\"", writes.Single(w => w.Path.EndsWith("/deployments/" + Unit, StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        foreach (var side in new[] { "requests", "limits" })
        {
            Assert.Equal("1", container["resources"]![side]!["cpu"]!.GetValue<string>());
            Assert.Equal("1Gi", container["resources"]![side]!["memory"]!.GetValue<string>());
        }

        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/healthz", container[probe]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal(30, container[probe]!["periodSeconds"]!.GetValue<int>());
            Assert.Equal(5, container[probe]!["timeoutSeconds"]!.GetValue<int>());
        }

        Assert.Equal(Unit + "-secrets", container["envFrom"]![0]!["secretRef"]!["name"]!.GetValue<string>());
        Assert.Equal(["AGENTSPEC_DEPLOY", "AGENTSPEC_ENVIRONMENT", "AGENTSPEC_PACKAGE", "ENVIRONMENT", "LOG_FORMAT", "LOG_LEVEL"],
            container["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal("prod", container["env"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "AGENTSPEC_ENVIRONMENT")!["value"]!.GetValue<string>());
        Assert.StartsWith("sha256:", deployment["spec"]!["template"]!["metadata"]!["annotations"]!["agentspec.io/config-hash"]!.GetValue<string>(), StringComparison.Ordinal);
        var hpa = Live("HorizontalPodAutoscaler", Unit);
        Assert.Equal((3, 10), (hpa["spec"]!["minReplicas"]!.GetValue<int>(), hpa["spec"]!["maxReplicas"]!.GetValue<int>()));
        var metric = hpa["spec"]!["metrics"]![0]!["resource"]!;
        Assert.Equal(("cpu", "Utilization", 80), (metric["name"]!.GetValue<string>(), metric["target"]!["type"]!.GetValue<string>(), metric["target"]!["averageUtilization"]!.GetValue<int>()));
        Assert.Equal(1, Live("PodDisruptionBudget", Unit)["spec"]!["maxUnavailable"]!.GetValue<int>());
        Assert.Equal("ClientIP", Live("Service", Unit)["spec"]!["sessionAffinity"]!.GetValue<string>());
        var secret = Live("Secret", Unit + "-secrets");
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretValue)), secret["data"]!["ANTHROPIC_API_KEY"]!.GetValue<string>());
        var lineage = StateStore.Read(StatePath).Document!.Lineage;
        foreach (var type in new[] { "Secret", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget" })
        {
            var labels = Live(type, type switch { "Secret" => Unit + "-secrets", "ConfigMap" => Unit + "-config", _ => Unit })["metadata"]!["labels"]!;
            Assert.Equal("agentspec", labels["app.kubernetes.io/managed-by"]!.GetValue<string>());
            Assert.Equal(lineage, labels["agentspec.io/lineage"]!.GetValue<string>());
            Assert.Equal(16, labels["agentspec.io/spec-hash"]!.GetValue<string>().Length);
        }

        var configText = Live("ConfigMap", Unit + "-config")["data"]!["config.json"]!.GetValue<string>();
        Assert.Equal("production-best-practices", JsonNode.Parse(configText)!["package"]!["name"]!.GetValue<string>());
        Assert.Contains("claude-sonnet-4-20250514", configText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, configText, StringComparison.Ordinal);

        // Unchanged spec: no changes, and applying sends no mutating request.
        _fake.ClearJournal();
        Assert.False(Plan().HasChanges);
        var again = await ApplyAsync();
        Assert.Equal("succeeded", again.Outcome);
        Assert.DoesNotContain(_fake.Journal, r => r.IsMutating);

        // Rollback by image tag: only the Deployment is patched, and the rollout is awaited again.
        File.WriteAllText(SpecPath, File.ReadAllText(SpecPath).Replace("agentspec/assistant:1.0.0", "agentspec/assistant:0.9.0", StringComparison.Ordinal));
        var changed = Plan();
        var change = Assert.Single(changed.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal(("Deployment", ChangeAction.Update), (change.Type, change.Action));
        _fake.ClearJournal();
        var generation = Live("Deployment", Unit)["metadata"]!["generation"]!.GetValue<long>();
        Assert.Equal("succeeded", (await ApplyAsync()).Outcome);
        var patched = Assert.Single(_fake.Journal, r => r.IsMutating);
        Assert.Equal($"/apis/apps/v1/namespaces/agents/deployments/{Unit}", patched.Path);
        Assert.Contains("force=true", patched.Query, StringComparison.Ordinal);
        var rolled = Live("Deployment", Unit);
        Assert.Equal(generation + 1, rolled["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(3, rolled["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(generation + 1, rolled["status"]!["observedGeneration"]!.GetValue<long>());

        // Destroy removes every object (the namespace too: AgentSpec created it).
        using (var destroy = DeploymentEngine.BeginDestroy(StatePath, "production", null, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            Assert.Equal("succeeded", destroyed.Outcome);
        }

        Assert.Equal(1, _fake.Store.Count);
        Assert.NotNull(_fake.Store.Get(FakeKind.All[0], null, "default"));
        Assert.Empty(StateStore.Read(StatePath).Document!.Targets);

        // The secret value reached the API only: not the state, its backup or the plan.
        foreach (var text in new[] { File.ReadAllText(StatePath), File.ReadAllText(StatePath + ".bak"), changed.ToJson(), changed.Render(false) })
        {
            Assert.DoesNotContain(SecretValue, text, StringComparison.Ordinal);
        }
    }

    private JsonObject Live(string kind, string name) => _fake.Store.Get(KubernetesFixture.KindOf(kind), kind == "Namespace" ? null : "agents", name)
        ?? throw new Xunit.Sdk.XunitException($"{kind} {name} does not exist in the fake");

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]) };

    private ResolvedDeployment Resolve() => SpecResolver.Resolve(SpecPath, "prod", "production");

    private Plan Plan() => DeploymentEngine.Plan(Resolve(), Settings());

    private async Task<ApplyReport> ApplyAsync()
    {
        using var session = DeploymentEngine.BeginApply(Resolve(), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
