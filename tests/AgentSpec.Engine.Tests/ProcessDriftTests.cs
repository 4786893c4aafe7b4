using System.Diagnostics;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Tests;

/// <summary>
/// <c>-Refresh</c> on the process target (deployment spec §3.5, §7.1 drift, §9.3): a config file edited on disk and a
/// runtime killed out of band become DriftModified and DriftNotRunning changes; without refresh the plan stays offline
/// and clean; an apply with refresh converges.
/// </summary>
public sealed class ProcessDriftTests : IDisposable
{
    private readonly string _folder = TestEnvironment.TempFolder();
    private readonly int _port = TestEnvironment.FreePort();

    private string SpecPath => Path.Combine(_folder, "agent.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    [Fact]
    public async Task RefreshPlansTheDriftAndApplyConverges()
    {
        WriteSpec();
        await ApplyAsync(refresh: false);
        Assert.False(Plan(refresh: true).HasChanges);

        // config.json edited by hand: Modified drift on the ConfigFile, updated in place.
        var record = StateStore.Read(StatePath).Document!.Targets["dev"].Resources.Single(r => r.Type == "ConfigFile");
        var configPath = Path.Combine(_folder, record.Attributes["path"]!.GetValue<string>());
        File.WriteAllText(configPath, "{\"edited\": true}");
        Assert.False(Plan(refresh: false).HasChanges);
        var modified = Plan(refresh: true);
        var drift = Assert.Single(modified.Drift);
        Assert.Equal((record.Address, DriftKind.Modified), (drift.Address, drift.Kind));
        var config = modified.Changes.Single(c => c.Address == record.Address);
        Assert.Equal((ChangeAction.Update, ChangeReason.DriftModified), (config.Action, config.Reason));
        Assert.Contains("Drift detected (live objects differ from the recorded state):", modified.Render(false), StringComparison.Ordinal);

        // The runtime killed: NotRunning drift, the process is replaced.
        var process = StateStore.Read(StatePath).Document!.Targets["dev"].Resources.Single(r => r.Type == "Process");
        var pid = process.Observed["pid"]!.GetValue<int>();
        using (var running = Process.GetProcessById(pid))
        {
            running.Kill();
            running.WaitForExit(10_000);
        }

        var plan = Plan(refresh: true);
        Assert.Equal(2, plan.Drift.Count);
        Assert.Equal(DriftKind.NotRunning, plan.Drift.Single(d => d.Address == process.Address).Kind);
        var replace = plan.Changes.Single(c => c.Address == process.Address);
        Assert.Equal((ChangeAction.Replace, ChangeReason.DriftNotRunning), (replace.Action, replace.Reason));
        Assert.Contains($"# {process.Address} must be replaced (the live object is not running)", plan.Render(false), StringComparison.Ordinal);
        Assert.Equal(2, plan.Summary.Drifted);
        Assert.False(Plan(refresh: false).HasChanges);

        var report = await ApplyAsync(refresh: true);
        Assert.Equal("succeeded", report.Outcome);
        Assert.Equal(2, report.Results.Count);
        var after = Plan(refresh: true);
        Assert.False(after.HasChanges);
        Assert.False(after.HasDrift);
        var newPid = StateStore.Read(StatePath).Document!.Targets["dev"].Resources.Single(r => r.Type == "Process").Observed["pid"]!.GetValue<int>();
        Assert.NotEqual(pid, newPid);

        // Changed in the specification and drifted: the spec's reason stays, the drift is listed separately.
        using (var running = Process.GetProcessById(newPid))
        {
            running.Kill();
            running.WaitForExit(10_000);
        }

        WriteSpec(port: TestEnvironment.FreePort());
        var both = Plan(refresh: true);
        var changed = both.Changes.Single(c => c.Address == process.Address);
        Assert.Equal((ChangeAction.Replace, ChangeReason.ReplaceRequired), (changed.Action, changed.Reason));
        Assert.Equal(DriftKind.NotRunning, Assert.Single(both.Drift).Kind);
    }

    [Fact]
    public void AnUnreadableTargetIsTargetUnreachable()
    {
        var record = new ResourceRecord { Address = "staging/docker/Container/x", Type = "Container", Name = "x", Status = ResourceRecord.Applied };
        var provider = new UnreadableProvider();
        var error = Assert.Throws<AgentSpecException>(() => Planning.LiveDrift.Read(provider, [record], _folder));
        Assert.Equal(ErrorIds.TargetUnreachable, error.ErrorId);
        Assert.Contains("staging/docker/Container/x", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);

        // Entries that are not applied are already planned as replacements and are not read.
        record.Status = ResourceRecord.Pending;
        Assert.Empty(Planning.LiveDrift.Read(provider, [record], _folder));
    }

    public void Dispose()
    {
        if (File.Exists(StatePath) && StateStore.Read(StatePath).Document is { } document && document.Targets.Count > 0)
        {
            using var session = DeploymentEngine.BeginDestroy(StatePath, "dev", null, TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
            session.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private void WriteSpec(int? port = null) => File.WriteAllText(SpecPath, $$"""
        package "fixture" version "0.1.0" lang "2.0"

        prompt "system" {
          content "Be brief."
        }

        agent "assistant" {
          uses prompt "system"
          model "mock/echo"
        }

        deploy "dev" target "process" {
          default true
          port {{port ?? _port}}
        }

        """);

    /// <summary>A provider whose target cannot be asked (ReadLive only).</summary>
    private sealed class UnreadableProvider : ITargetProvider
    {
        public string Kind => "docker";

        public System.Text.Json.Nodes.JsonObject CurrentEndpoint() => new();

        public void Connect() => throw new NotSupportedException();

        public Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, System.Text.Json.Nodes.JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation) =>
            throw new NotSupportedException();

        public LiveResource ReadLive(ResourceRecord record, string stateFolder) =>
            new(true, false, "unknown (connection refused)", DeploymentHealth.Unknown, "connection refused") { Unreadable = true };
    }

    private PlanSettings Settings(bool refresh) => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]), Refresh = refresh };

    private Plan Plan(bool refresh) => DeploymentEngine.Plan(SpecResolver.Resolve(SpecPath, null, null), Settings(refresh));

    private async Task<ApplyReport> ApplyAsync(bool refresh)
    {
        using var session = DeploymentEngine.BeginApply(SpecResolver.Resolve(SpecPath, null, null), null, Settings(refresh), TimeSpan.Zero, _ => { }, CancellationToken.None);
        Assert.True(session.Plan.HasChanges);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }
}
