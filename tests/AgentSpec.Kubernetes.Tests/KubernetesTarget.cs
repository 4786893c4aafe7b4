using System.Text.RegularExpressions;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>
/// One test's copy of the production example (<c>-Environment prod</c>, deploy <c>production</c>) against its own
/// fake API server and state file, with plan, apply, status and destroy through the engine.
/// </summary>
internal sealed partial class KubernetesTarget : IAsyncDisposable
{
    public const string Unit = "production-best-practices-production";
    public const string SecretValue = "sk-ant-fake-value-for-k8s-0123456789";

    private KubernetesTarget(FakeApiServer fake, string folder)
    {
        Fake = fake;
        Folder = folder;
    }

    public FakeApiServer Fake { get; }

    public string Folder { get; }

    public string SpecPath => Path.Combine(Folder, "production.ias");

    public string StatePath => Path.Combine(Folder, StateStore.DefaultFileName);

    public TargetConnection Connection { get; private set; } = TargetConnection.Environment;

    /// <summary>Starts a fake and copies the example; <paramref name="autoscale"/> false removes its <c>autoscale</c> block (so <c>replicas</c> is applied).</summary>
    public static async Task<KubernetesTarget> StartAsync(bool autoscale = true)
    {
        var folder = KubernetesFixture.TempFolder();
        var target = new KubernetesTarget(await FakeApiServer.StartAsync(), folder);
        target.Connection = new TargetConnection { KubeConfig = target.Fake.WriteKubeConfig(folder), Context = "fake" };
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", SecretValue);
        var text = File.ReadAllText(KubernetesFixture.ProductionExample);
        File.WriteAllText(target.SpecPath, autoscale ? text : AutoscaleBlock().Replace(text, string.Empty));
        return target;
    }

    public void Edit(string from, string to) =>
        File.WriteAllText(SpecPath, File.ReadAllText(SpecPath).Replace(from, to, StringComparison.Ordinal));

    public Plan Plan() => DeploymentEngine.Plan(SpecResolver.Resolve(SpecPath, "prod", "production"), Settings());

    public async Task<ApplyReport> ApplyAsync(TimeSpan? healthTimeout = null)
    {
        using var session = DeploymentEngine.BeginApply(SpecResolver.Resolve(SpecPath, "prod", "production"), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = healthTimeout ?? TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }

    public async Task<ApplyReport> DestroyAsync(DestroyOptions? keep = null)
    {
        using var session = DeploymentEngine.BeginDestroy(StatePath, "production", null, TimeSpan.Zero, _ => { }, CancellationToken.None, Connection, keep);
        return await session.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
    }

    public DeploymentStatus Status() => Assert.Single(DeploymentEngine.Status(StatePath, [], checkHealth: true, Connection));

    public TargetRecord Recorded() => StateStore.Read(StatePath).Document!.Targets["production"];

    public static string Describe(ApplyReport report) => string.Join("\n", report.Results.Select(r => $"{r.Address}: {r.Status} {r.Error}"));

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", null);
        await Fake.DisposeAsync();
    }

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]), Connection = Connection };

    [GeneratedRegex(@"(?ms)^  autoscale \{.*?^  \}\n")]
    private static partial Regex AutoscaleBlock();
}
