using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Tests;

/// <summary>
/// Restore (deployment spec §9.2): the snapshot of a history entry rebuilds exactly the desired state that entry
/// applied (same desired hash), <c>-Previous</c> picks the apply before the current one, and the restore is recorded.
/// </summary>
public sealed class RestoreTests : IDisposable
{
    private readonly string _folder = TestEnvironment.TempFolder();
    private readonly int _port = TestEnvironment.FreePort();
    private readonly string _variable = "AGENTSPEC_RESTORE_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public RestoreTests() => Environment.SetEnvironmentVariable(_variable, "sk-restore-test-value-0001");

    private string SpecPath => Path.Combine(_folder, "agent.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    [Fact]
    public async Task RestoreRebuildsTheAppliedDesiredStateAndRecordsIt()
    {
        WriteSpec("debug");
        await ApplyAsync(DeploymentEngine.BeginApply(Resolve(), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None));
        var first = Plan(); // after the apply, so its fingerprints use the state's salt
        Assert.False(first.HasChanges);
        var v1 = StateStore.Read(StatePath).Document!.History.Single().Serial;
        WriteSpec("warn");
        await ApplyAsync(DeploymentEngine.BeginApply(Resolve(), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None));

        var restore = DeploymentEngine.PlanRestore("dev", v1, Settings());
        Assert.Equal(PlanMode.Restore, restore.Mode);
        Assert.Equal(v1, restore.RestoredFrom);
        Assert.Equal(first.DesiredHash, restore.DesiredHash);
        Assert.Equal(first.SpecHash, restore.SpecHash);
        Assert.Contains(restore.Changes, c => c.SecretBindings.Any(b => b.Env == _variable && b.Fingerprint is not null));
        Assert.Equal(restore.DesiredHash, DeploymentEngine.PlanRestore("dev", null, Settings()).DesiredHash);

        var report = await ApplyAsync(DeploymentEngine.BeginRestore("dev", v1, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None));
        Assert.Equal("succeeded", report.Outcome);
        var latest = StateStore.Read(StatePath).Document!.History.OrderBy(h => h.Serial).Last();
        Assert.Equal(("restore", v1), (latest.Operation, latest.RestoredFrom));
        WriteSpec("debug");
        Assert.False(Plan().HasChanges);

        var missing = Assert.Throws<AgentSpecException>(() => DeploymentEngine.PlanRestore("dev", 999, Settings()));
        Assert.Equal(ErrorIds.HistoryEntryNotFound, missing.ErrorId);
        var unknown = Assert.Throws<AgentSpecException>(() => DeploymentEngine.PlanRestore("prod", v1, Settings()));
        Assert.Equal(ErrorIds.TargetNotInState, unknown.ErrorId);
    }

    public void Dispose()
    {
        if (File.Exists(StatePath) && StateStore.Read(StatePath).Document is { } document && document.Targets.Count > 0)
        {
            using var session = DeploymentEngine.BeginDestroy(StatePath, "dev", null, TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
            session.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None).GetAwaiter().GetResult();
        }

        Environment.SetEnvironmentVariable(_variable, null);
    }

    private void WriteSpec(string logLevel) => File.WriteAllText(SpecPath, $$"""
        package "fixture" version "0.1.0" lang "2.0"

        prompt "system" {
          content "Be brief."
        }

        agent "assistant" {
          uses prompt "system"
          model "mock/echo"
        }

        secret "api-key" {
          env({{_variable}})
        }

        deploy "dev" target "process" {
          default true
          port {{_port}}
          env {
            LOG_LEVEL "{{logLevel}}"
          }
          secrets {
            {{_variable}} "api-key"
          }
        }

        """);

    private ResolvedDeployment Resolve() => SpecResolver.Resolve(SpecPath, null, null);

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]) };

    private Plan Plan() => DeploymentEngine.Plan(Resolve(), Settings());

    private static async Task<ApplyReport> ApplyAsync(ApplySession started)
    {
        using var session = started;
        Assert.True(session.Plan.HasChanges);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
