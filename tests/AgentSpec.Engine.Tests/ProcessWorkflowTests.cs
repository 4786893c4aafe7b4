using System.Net.Http;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Tests;

/// <summary>
/// plan → apply → no-op plan → change → apply → rotation → destroy against a real process (the test runtime), with
/// a secret value scanned for in every artefact.
/// </summary>
public sealed class ProcessWorkflowTests : IDisposable
{
    private readonly string _folder = TestEnvironment.TempFolder();
    private readonly string _variable = "AGENTSPEC_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly int _port = TestEnvironment.FreePort();
    private readonly List<string> _secretValues = new();

    public ProcessWorkflowTests() => SetSecret("sk-test-first-value-0001");

    private string SpecPath => Path.Combine(_folder, "agent.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    [Fact]
    public async Task PlanApplyConvergeChangeRotateDestroy()
    {
        WriteSpec("debug");
        var first = Plan();
        Assert.Equal(["dev/process/ConfigFile/fixture-dev", "dev/process/Process/fixture-dev"], first.Changes.Select(c => c.Address));
        Assert.All(first.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.EndsWith("Plan: 2 to add, 0 to change, 0 to destroy.\n", first.Render(false), StringComparison.Ordinal);
        Assert.True(first.Seal.StateAbsent);
        Assert.NotNull(first.Seal.SecretSalt);
        Assert.False(File.Exists(StatePath));
        var created = first.Changes.Single(c => c.Type == "Process");
        Assert.Contains(created.Diffs, d => d.Path == "env.LOG_LEVEL" && d.Kind == PropertyDiffKind.Added);
        Assert.Contains($"+ secretEnv.{_variable}.fingerprint: (sensitive value)", first.Render(false), StringComparison.Ordinal);

        // Apply: two writes per resource plus the closing write.
        var report = await ApplyAsync();
        Assert.Equal("succeeded", report.Outcome);
        Assert.Equal(5, report.Serial);
        var process = report.Results.Single(r => r.Type == "Process");
        Assert.Equal(HealthState.Healthy, process.Health);
        Assert.Equal(200, await StatusAsync("/healthz"));
        var state = StateStore.Read(StatePath).Document!;
        Assert.Equal(5, state.Serial);
        var history = Assert.Single(state.History);
        Assert.Equal(("apply", "succeeded"), (history.Operation, history.Outcome));
        Assert.NotNull(history.Snapshot);
        Assert.True(state.Targets["dev"].Resources.All(r => r.Status == ResourceRecord.Applied));

        // Unchanged spec: no changes, and an apply session writes nothing.
        var second = Plan();
        Assert.False(second.HasChanges);
        Assert.Contains("No changes.", second.Render(false), StringComparison.Ordinal);
        var before = File.ReadAllText(StatePath);
        using (var session = Begin())
        {
            Assert.False(session.Plan.HasChanges);
        }

        Assert.Equal(before, File.ReadAllText(StatePath));

        // One setting changes: the plan shows exactly that property (the Process is replaced, the config updated).
        WriteSpec("info");
        var changed = Plan();
        var processChange = changed.Changes.Single(c => c.Type == "Process");
        Assert.Equal(ChangeAction.Replace, processChange.Action);
        var diff = Assert.Single(processChange.Diffs, d => !d.Path.StartsWith("configHash", StringComparison.Ordinal));
        Assert.Equal("env.LOG_LEVEL", diff.Path);
        Assert.Equal(("\"debug\"", "\"info\""), (diff.Before!.ToJsonString(), diff.After!.ToJsonString()));
        Assert.Equal(ChangeAction.Update, changed.Changes.Single(c => c.Type == "ConfigFile").Action);
        var pidBefore = (int)state.Targets["dev"].Find(processChange.Address)!.Observed["pid"]!.GetValue<int>();
        var changedReport = await ApplyAsync();
        Assert.Equal("succeeded", changedReport.Outcome);
        Assert.Null(StateLock.ProcessStartTime(pidBefore));
        Assert.False(Plan().HasChanges);

        // Rotation: the fingerprint changes, shown masked.
        SetSecret("sk-test-second-value-0002");
        var rotated = Plan();
        var rotation = rotated.Changes.Single(c => c.Type == "Process");
        Assert.Equal(ChangeAction.Replace, rotation.Action);
        var secretDiff = Assert.Single(rotation.Diffs);
        Assert.True(secretDiff.Sensitive);
        Assert.Contains("(sensitive value changed)", rotated.Render(false), StringComparison.Ordinal);

        // A saved plan goes stale once another apply wrote the state.
        var planFile = Path.Combine(_folder, "plan.json");
        File.WriteAllText(planFile, rotated.ToJson());
        await ApplyAsync();
        var saved = AgentSpec.Plan.FromJson(File.ReadAllText(planFile), planFile);
        var stale = Assert.Throws<StalePlanException>(() => Begin(saved));
        Assert.Equal(ErrorIds.StalePlan, stale.ErrorId);
        Assert.Contains("serial differs", stale.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StateLock.LockPathFor(StatePath)));
        var edited = File.ReadAllText(planFile).Replace("\"port\": " + _port, "\"port\": 1", StringComparison.Ordinal);
        Assert.Equal(ErrorIds.PlanFileInvalid, Assert.Throws<AgentSpecException>(() => AgentSpec.Plan.FromJson(edited, planFile)).ErrorId);

        // Destroy: nothing left running, no target recorded, a destroy history entry.
        var pid = StateStore.Read(StatePath).Document!.Targets["dev"].Resources.Single(r => r.Type == "Process").Observed["pid"]!.GetValue<int>();
        using (var destroy = DeploymentEngine.BeginDestroy(StatePath, "dev", null, TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            Assert.All(destroy.Plan.Changes, c => Assert.Equal(ChangeAction.Delete, c.Action));
            var destroyed = await destroy.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None);
            Assert.Equal("succeeded", destroyed.Outcome);
        }

        Assert.Null(StateLock.ProcessStartTime(pid));
        var final = StateStore.Read(StatePath).Document!;
        Assert.Empty(final.Targets);
        Assert.Equal("destroy", final.History[^1].Operation);
        Assert.False(File.Exists(Path.Combine(_folder, ".agentspec/process/dev/config.json")));

        // No secret value anywhere: state, backup, plan text and JSON, saved plan, logs, config.
        var artefacts = new List<string> { File.ReadAllText(StatePath), File.ReadAllText(StatePath + ".bak"), rotated.Render(false), rotated.ToJson(), File.ReadAllText(planFile) };
        artefacts.AddRange(Directory.GetFiles(Path.Combine(_folder, ".agentspec"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var value in _secretValues)
        {
            Assert.All(artefacts, text => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        }

        // The runtime did receive the secret (its log lists the variable as present, never the value).
        Assert.Contains(_variable, File.ReadAllText(Path.Combine(_folder, ".agentspec/process/dev/runtime.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void UnresolvableSecretStopsApplyBeforeAnythingChanges()
    {
        WriteSpec("debug");
        Environment.SetEnvironmentVariable(_variable, null);
        var plan = Plan();
        Assert.Contains(plan.Diagnostics, d => d.Code == "AS5101");
        Assert.Contains("(known after apply)", plan.Render(false), StringComparison.Ordinal);
        var error = Assert.Throws<AgentSpecException>(() => Begin());
        Assert.Equal(ErrorIds.SecretUnresolvable, error.ErrorId);
        Assert.Contains($"env({_variable})", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath));
        Assert.False(File.Exists(StateLock.LockPathFor(StatePath)));
    }

    [Fact]
    public void PolicyViolationStopsPlanningBeforeStateIsRead()
    {
        var seed = Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "corpus", "seed", "production-best-practices.ias");
        var resolved = SpecResolver.Resolve(seed, "dev", null);
        var error = Assert.Throws<PolicyViolationException>(() => DeploymentEngine.Plan(resolved, Settings()));
        Assert.Equal(ErrorIds.PolicyViolation, error.ErrorId);
        Assert.Contains("production-safety", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        // Leave nothing running if an assertion failed half-way.
        if (File.Exists(StatePath) && StateStore.Read(StatePath).Document is { } document && document.Targets.Count > 0)
        {
            using var session = DeploymentEngine.BeginDestroy(StatePath, "dev", null, TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
            session.ExecuteAsync(new ApplyOptions(), NullEngineEvents.Instance, CancellationToken.None).GetAwaiter().GetResult();
        }

        Environment.SetEnvironmentVariable(_variable, null);
    }

    private void SetSecret(string value)
    {
        _secretValues.Add(value);
        Environment.SetEnvironmentVariable(_variable, value);
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

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]) };

    private Plan Plan() => DeploymentEngine.Plan(SpecResolver.Resolve(SpecPath, null, null), Settings());

    private ApplySession Begin(Plan? plan = null) => plan is null
        ? DeploymentEngine.BeginApply(SpecResolver.Resolve(SpecPath, null, null), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None)
        : DeploymentEngine.BeginApply(null, plan, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None);

    private async Task<ApplyReport> ApplyAsync()
    {
        using var session = Begin();
        Assert.True(session.Plan.HasChanges);
        return await session.ExecuteAsync(new ApplyOptions { HealthTimeout = TimeSpan.FromSeconds(30) }, NullEngineEvents.Instance, CancellationToken.None);
    }

    private async Task<int> StatusAsync(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_port}{path}"));
        return (int)response.StatusCode;
    }
}
