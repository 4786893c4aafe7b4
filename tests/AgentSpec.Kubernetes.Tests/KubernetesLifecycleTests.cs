using System.Text.Json.Nodes;
using AgentSpec.Engine;
using AgentSpec.Engine.State;
using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// After the first apply (deployment spec §7.4, §9.3): a replicas change patches only the Deployment; an out-of-band
/// edit shows as drift in the live read-back; destroy deletes only recorded objects that still carry our labels.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class KubernetesLifecycleTests
{
    private const string Unit = KubernetesTarget.Unit;

    [Fact]
    public async Task ChangingReplicasPatchesOnlyTheDeployment()
    {
        // Without autoscale the Deployment owns spec.replicas (with it, the HPA does and the field is omitted).
        await using var target = await KubernetesTarget.StartAsync(autoscale: false);
        var first = await target.ApplyAsync();
        Assert.True(first.Outcome == "succeeded", KubernetesTarget.Describe(first));
        Assert.Null(target.Fake.Store.Get(KubernetesFixture.KindOf("HorizontalPodAutoscaler"), "agents", Unit));
        Assert.Equal(3, Live(target, "Deployment")["spec"]!["replicas"]!.GetValue<long>());

        target.Edit("replicas 3", "replicas 5");
        var plan = target.Plan();
        var change = Assert.Single(plan.Changes, c => c.Action != ChangeAction.NoOp);
        Assert.Equal(("Deployment", ChangeAction.Update), (change.Type, change.Action));
        target.Fake.ClearJournal();

        var second = await target.ApplyAsync();

        Assert.True(second.Outcome == "succeeded", KubernetesTarget.Describe(second));
        var patch = Assert.Single(target.Fake.Journal, r => r.IsMutating);
        Assert.Equal(("PATCH", $"/apis/apps/v1/namespaces/agents/deployments/{Unit}"), (patch.Method, patch.Path));
        Assert.Equal(5, JsonNode.Parse(patch.Body)!["spec"]!["replicas"]!.GetValue<long>());
        var deployment = Live(target, "Deployment");
        Assert.Equal(5, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(5, deployment["status"]!["readyReplicas"]!.GetValue<long>());
        Assert.Equal(HealthState.Healthy, Assert.Single(second.Results, r => r.Action != ChangeAction.NoOp).Health);

        var destroyed = await target.DestroyAsync();
        Assert.Equal("succeeded", destroyed.Outcome);
        Assert.Equal(1, target.Fake.Store.Count);
    }

    [Fact]
    public async Task OutOfBandEditShowsAsDriftOfTheOwnedField()
    {
        await using var target = await KubernetesTarget.StartAsync();
        Assert.Equal("succeeded", (await target.ApplyAsync()).Outcome);
        Assert.All(target.Status().Resources, r => Assert.Equal("present", r.Live));

        // The HPA's first sync scales the Deployment to its minimum after the apply: wait for that rollout.
        for (var attempt = 0; attempt < 50 && target.Status().Health != DeploymentHealth.Healthy; attempt++)
        {
            await Task.Delay(100);
        }

        // kubectl edit of a field we own, and of one we do not (server defaults are not drift).
        target.Fake.Store.Edit(KubernetesFixture.KindOf("Service"), "agents", Unit, "kubectl-edit", "spec.sessionAffinity", "None");
        target.Fake.Store.Edit(KubernetesFixture.KindOf("Service"), "agents", Unit, "kubectl-edit", "metadata.annotations.note", "hand edited");

        var status = target.Status();
        var service = Assert.Single(status.Resources, r => r.Type == "Service");
        Assert.Equal("modified: spec.sessionAffinity", service.Live);
        Assert.All(status.Resources.Where(r => r.Type != "Service"), r => Assert.Equal("present", r.Live));
        Assert.Equal(DeploymentHealth.Healthy, status.Health);
        Assert.Equal($"http://{Unit}.agents.svc:8080", status.Endpoint);

        // A deleted object reads back as missing.
        target.Fake.Store.Delete(KubernetesFixture.KindOf("ConfigMap"), "agents", Unit + "-config");
        Assert.Equal("missing", Assert.Single(target.Status().Resources, r => r.Type == "ConfigMap").Live);
    }

    [Fact]
    public async Task DestroyLeavesUnlabelledAndUnrecordedObjectsAlone()
    {
        await using var target = await KubernetesTarget.StartAsync();
        var ns = KubernetesFixture.KindOf("Namespace");
        var configMaps = KubernetesFixture.KindOf("ConfigMap");
        var services = KubernetesFixture.KindOf("Service");

        // The namespace exists before: it is used, recorded as not created, and never deleted.
        target.Fake.Store.Seed(ns, null, "agents", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "agents" } });
        Assert.Equal("succeeded", (await target.ApplyAsync()).Outcome);
        var lineage = StateStore.Read(target.StatePath).Document!.Lineage;

        // Not in state: someone's ConfigMap, and one carrying our labels and lineage that the state does not record.
        target.Fake.Store.Seed(configMaps, "agents", "unrelated", ConfigMap("unrelated", new JsonObject { ["app"] = "billing" }, null));
        target.Fake.Store.Seed(configMaps, "agents", "unrecorded", ConfigMap("unrecorded",
            new JsonObject { ["app.kubernetes.io/managed-by"] = "agentspec", ["agentspec.io/lineage"] = lineage },
            $"production/kubernetes/ConfigMap/agents/unrecorded"));

        // In state, but replaced out of band by an object without our labels.
        target.Fake.Store.Delete(services, "agents", Unit);
        target.Fake.Store.Seed(services, "agents", Unit, new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = Unit, ["namespace"] = "agents", ["labels"] = new JsonObject { ["app"] = "billing" } },
            ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
        });
        target.Fake.ClearJournal();
        Assert.Contains("# production/kubernetes/Namespace/agents will be removed from the state only (not created by AgentSpec)",
            DeploymentEngine.PlanDestroy(target.StatePath, "production").Render(false), StringComparison.Ordinal);

        var report = await target.DestroyAsync();

        var service = Assert.Single(report.Results, r => r.Type == "Service");
        Assert.Equal((ApplyStatus.Failed, ErrorIds.ResourceConflict), (service.Status, service.ErrorId));
        Assert.Contains("not deleted", service.Error, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Type != "Service"), r => Assert.Equal(ApplyStatus.Succeeded, r.Status));
        var deletes = target.Fake.Journal.Where(r => r.Method == "DELETE").Select(r => r.Path.Split('/')[^2] + "/" + r.Path.Split('/')[^1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["configmaps/" + Unit + "-config", "deployments/" + Unit, "horizontalpodautoscalers/" + Unit, "poddisruptionbudgets/" + Unit, "secrets/" + Unit + "-secrets"],
            deletes);
        Assert.NotNull(target.Fake.Store.Get(ns, null, "agents"));
        Assert.Equal("not created by AgentSpec: removed from the state only", Assert.Single(report.Results, r => r.Type == "Namespace").Message);
        Assert.NotNull(target.Fake.Store.Get(configMaps, "agents", "unrelated"));
        Assert.NotNull(target.Fake.Store.Get(configMaps, "agents", "unrecorded"));
        Assert.NotNull(target.Fake.Store.Get(services, "agents", Unit));
    }

    [Fact]
    public async Task KeepNamespaceLeavesTheCreatedNamespaceAndDropsItFromState()
    {
        await using var target = await KubernetesTarget.StartAsync();
        var ns = KubernetesFixture.KindOf("Namespace");
        Assert.Equal("succeeded", (await target.ApplyAsync()).Outcome);
        Assert.True(Assert.Single(target.Recorded().Resources, r => r.Type == "Namespace").Observed["created"]!.GetValue<bool>());
        var keep = new DestroyOptions { KeepNamespace = true };

        // The destroy plan says what is kept; a saved copy of it keeps the flag.
        var plan = DeploymentEngine.PlanDestroy(target.StatePath, "production", keep: keep);
        var kept = Assert.Single(plan.Changes, c => c.Keep);
        Assert.Equal(("Namespace", ChangeAction.Delete), (kept.Type, kept.Action));
        Assert.Contains("# production/kubernetes/Namespace/agents will be removed from the state only (kept by -KeepNamespace)", plan.Render(false), StringComparison.Ordinal);
        Assert.True(Assert.Single(Plan.FromJson(plan.ToJson(), "plan.json").Changes, c => c.Type == "Namespace").Keep);
        Assert.DoesNotContain(DeploymentEngine.PlanDestroy(target.StatePath, "production").Changes, c => c.Keep);
        target.Fake.ClearJournal();

        var report = await target.DestroyAsync(keep);

        Assert.True(report.Outcome == "succeeded", KubernetesTarget.Describe(report));
        var namespaceResult = Assert.Single(report.Results, r => r.Type == "Namespace");
        Assert.Equal((ApplyStatus.Succeeded, ChangeAction.Delete), (namespaceResult.Status, namespaceResult.Action));
        Assert.Equal("kept by -KeepNamespace: removed from the state only", namespaceResult.Message);
        Assert.NotNull(target.Fake.Store.Get(ns, null, "agents"));
        Assert.DoesNotContain(target.Fake.Journal, r => r.Method == "DELETE" && r.Path.EndsWith("/namespaces/agents", StringComparison.Ordinal));
        Assert.Contains(target.Fake.Journal, r => r.Method == "DELETE" && r.Path.EndsWith("/deployments/" + Unit, StringComparison.Ordinal));
        Assert.Null(target.Fake.Store.Get(KubernetesFixture.KindOf("Deployment"), "agents", Unit));
        Assert.Empty(StateStore.Read(target.StatePath).Document!.Targets);
    }

    private static JsonObject Live(KubernetesTarget target, string kind) =>
        target.Fake.Store.Get(KubernetesFixture.KindOf(kind), "agents", Unit) ?? throw new Xunit.Sdk.XunitException($"{kind} {Unit} does not exist");

    private static JsonObject ConfigMap(string name, JsonObject labels, string? address) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name, ["namespace"] = "agents", ["labels"] = labels,
            ["annotations"] = address is null ? new JsonObject() : new JsonObject { ["agentspec.io/address"] = address },
        },
        ["data"] = new JsonObject { ["k"] = "v" },
    };
}
