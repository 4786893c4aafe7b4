using System.Text.Json.Nodes;
using AgentSpec.Engine.State;
using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// Failures of deployment spec §7.4 against the fake: a failed rollout names the pods' reasons and is recorded in
/// state; objects another owner holds, or whose fields another field manager owns, are a clear
/// <c>ResourceConflict</c> and are not written.
/// </summary>
[Collection(KubernetesEnvironment.Name)]
public sealed class KubernetesFailureTests
{
    private const string DeploymentAddress = "production/kubernetes/Deployment/agents/" + KubernetesTarget.Unit;

    [Theory]
    [InlineData("never", "ImagePullBackOff", "Back-off pulling image \"agentspec/assistant:1.0.0\"")]
    [InlineData("crashloop", "CrashLoopBackOff", "back-off 40s restarting failed container=runtime")]
    [InlineData("probe", "running but not ready (readiness probe failing)", "pod " + KubernetesTarget.Unit + "-5d8f7-0")]
    public async Task FailedRolloutReportsThePodReasonAndIsRecorded(string mode, string reason, string detail)
    {
        await using var target = await KubernetesTarget.StartAsync();
        target.Fake.Store.RolloutModes["agents/" + KubernetesTarget.Unit] = mode;

        var report = await target.ApplyAsync(healthTimeout: TimeSpan.FromSeconds(5));

        Assert.Equal("partial", report.Outcome);
        var deployment = Assert.Single(report.Results, r => r.Address == DeploymentAddress);
        Assert.Equal((ApplyStatus.Failed, HealthState.Unhealthy, ErrorIds.HealthCheckFailed), (deployment.Status, deployment.Health, deployment.ErrorId));
        Assert.Contains(reason, deployment.Error, StringComparison.Ordinal);
        Assert.Contains(detail, deployment.Error, StringComparison.Ordinal);
        if (mode == "never")
        {
            Assert.Contains("ProgressDeadlineExceeded", deployment.Error, StringComparison.Ordinal);
        }

        // The state records the failure (so the next apply retries the Deployment) and the history the outcome.
        var recorded = target.Recorded().Resources.Single(r => r.Address == DeploymentAddress);
        Assert.Equal(ResourceRecord.Failed, recorded.Status);
        Assert.Contains(reason, recorded.Error, StringComparison.Ordinal);
        Assert.Equal("partial", StateStore.Read(target.StatePath).Document!.History.Last().Outcome);
        Assert.Contains(target.Plan().Changes, c => c.Address == DeploymentAddress && c.Action != ChangeAction.NoOp);
    }

    [Fact]
    public async Task ObjectOfAnotherOwnerIsAConflictAndIsNotWritten()
    {
        await using var target = await KubernetesTarget.StartAsync();
        var services = KubernetesFixture.KindOf("Service");
        target.Fake.Store.Seed(KubernetesFixture.KindOf("Namespace"), null, "agents",
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "agents" } });
        target.Fake.Store.Seed(services, "agents", KubernetesTarget.Unit, new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = KubernetesTarget.Unit, ["namespace"] = "agents", ["labels"] = new JsonObject { ["app"] = "billing" } },
            ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
        });

        var report = await target.ApplyAsync();

        var service = Assert.Single(report.Results, r => r.Type == "Service");
        Assert.Equal((ApplyStatus.Failed, ErrorIds.ResourceConflict), (service.Status, service.ErrorId));
        Assert.Contains($"Service \"agents/{KubernetesTarget.Unit}\" exists but is not owned by", service.Error, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/managed-by=(none)", service.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(target.Fake.Journal, r => r.IsMutating && r.Path.Contains("/services/", StringComparison.Ordinal));
        Assert.Equal("billing", target.Fake.Store.Get(services, "agents", KubernetesTarget.Unit)!["metadata"]!["labels"]!["app"]!.GetValue<string>());
    }

    [Fact]
    public async Task FieldManagerConflictIsAClearResourceConflict()
    {
        await using var target = await KubernetesTarget.StartAsync();
        target.Fake.FailNext($"PATCH /api/v1/namespaces/agents/services/{KubernetesTarget.Unit}", 409);

        var report = await target.ApplyAsync();

        var service = Assert.Single(report.Results, r => r.Type == "Service");
        Assert.Equal((ApplyStatus.Failed, ErrorIds.ResourceConflict), (service.Status, service.ErrorId));
        Assert.Contains($"Service \"agents/{KubernetesTarget.Unit}\" has fields owned by another manager", service.Error, StringComparison.Ordinal);
        Assert.Null(target.Fake.Store.Get(KubernetesFixture.KindOf("Service"), "agents", KubernetesTarget.Unit));
        Assert.Equal(ResourceRecord.Failed, target.Recorded().Resources.Single(r => r.Type == "Service").Status);
    }
}
