using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Planning;
using AgentSpec.Engine.Providers.Docker;
using AgentSpec.Engine.State;
using global::Docker.DotNet.Models;

namespace AgentSpec.Docker.Tests;

/// <summary>
/// Offline: the container drift read-back (deployment spec §7.2) from a recorded inspect response, and how the
/// refresh classifies live reads (missing, not running, modified; Kubernetes never "not running").
/// </summary>
public sealed class DockerDriftTests
{
    private static readonly JsonObject Recorded = new()
    {
        ["image"] = "agentspec/fixture:1.0.0",
        ["memoryBytes"] = 536870912,
        ["nanoCpus"] = 500000000,
        ["env"] = new JsonObject { ["LOG_LEVEL"] = "info" },
        ["labels"] = new JsonObject { ["agentspec.io/spec-hash"] = "sha256:abc" },
    };

    private static ContainerInspectResponse Live(string image = "agentspec/fixture:1.0.0", string logLevel = "info", long memory = 536870912) => new()
    {
        Config = new Config
        {
            Image = image,
            Env = ["LOG_LEVEL=" + logLevel, "PATH=/usr/bin"],
            Labels = new Dictionary<string, string> { ["agentspec.io/spec-hash"] = "sha256:abc" },
        },
        HostConfig = new HostConfig { Memory = memory, NanoCPUs = 500000000, RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped } },
        State = new ContainerState { Running = true, Status = "running" },
    };

    [Fact]
    public void AnUntouchedContainerHasNoDrift() => Assert.Empty(DockerDrift.Compare(Recorded, Live()));

    [Fact]
    public void ChangedFieldsAreReportedRecordedToLive()
    {
        var diffs = DockerDrift.Compare(Recorded, Live(image: "other:2", logLevel: "debug", memory: 0));
        Assert.Equal(["image", "memoryBytes", "env.LOG_LEVEL"], diffs.Select(d => d.Path));
        var env = diffs.Single(d => d.Path == "env.LOG_LEVEL");
        Assert.Equal(("\"info\"", "\"debug\""), (env.Before!.ToJsonString(), env.After!.ToJsonString()));
    }

    [Fact]
    public void LiveReadsAreClassifiedAsTheSpecSays()
    {
        var record = new ResourceRecord { Address = "staging/docker/Container/x", Type = "Container", Name = "x", Status = ResourceRecord.Applied, Attributes = Recorded };
        Assert.Equal(DriftKind.Missing, LiveDrift.Of("docker", record, new LiveResource(false, false, "missing"))!.Kind);
        Assert.Equal(DriftKind.NotRunning, LiveDrift.Of("docker", record, new LiveResource(true, false, "not running"))!.Kind);
        var modified = LiveDrift.Of("docker", record, new LiveResource(true, true, "modified") { Diffs = DockerDrift.Compare(Recorded, Live(image: "other:2")) });
        Assert.Equal(DriftKind.Modified, modified!.Kind);
        Assert.Null(LiveDrift.Of("docker", record, new LiveResource(true, true, "present")));
        Assert.Null(LiveDrift.Of("kubernetes", record, new LiveResource(true, false, "rollout unavailable")));
    }
}
