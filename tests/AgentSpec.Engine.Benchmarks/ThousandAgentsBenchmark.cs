using System.Diagnostics;
using System.Globalization;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// Issue #5: plan and no-op apply of a 1,000-agent specification against a 1,000-resource state (targets: plan under
/// 0.5 s, no-op apply under 1 s). The state is written by the engine itself: every target is planned and applied
/// through the real <see cref="Applier"/> with <see cref="RecordingProvider"/>. Figures are printed, never asserted.
/// </summary>
internal sealed class ThousandAgentsBenchmark(string repositoryRoot, int agents, int iterations)
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agentspec-engine-bench", Guid.NewGuid().ToString("N")[..10]);

    private string SpecPath => Path.Combine(_folder, "agents.ias");

    private string StatePath => Path.Combine(_folder, StateStore.DefaultFileName);

    private int Units => agents / 2;

    public async Task RunAsync()
    {
        Directory.CreateDirectory(_folder);
        try
        {
            await MeasureAsync();
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task MeasureAsync()
    {
        // A benchmark value, not a real key: the plans fingerprint it like any secret.
        Environment.SetEnvironmentVariable(ThousandAgentSpec.SecretVariable, "bench-secret-" + Guid.NewGuid().ToString("N"));
        var text = ThousandAgentSpec.Generate(Path.Combine(repositoryRoot, "..", "shared"), agents);
        File.WriteAllText(SpecPath, text);
        var document = SpecLoader.LoadFile(SpecPath, null);
        var resolved = Enumerable.Range(0, Units).Select(i => SpecResolver.Resolve(document, ThousandAgentSpec.DeployName(i))).ToList();
        if (resolved.FirstOrDefault(r => !r.IsValid) is { } invalid)
        {
            throw new InvalidOperationException("the generated specification does not resolve: " + string.Join("; ", invalid.Diagnostics.Where(d => d.IsError)));
        }

        var setup = Stopwatch.StartNew();
        foreach (var deployment in resolved)
        {
            await RecordAsync(deployment);
        }

        setup.Stop();
        var state = StateStore.Read(StatePath).Document ?? throw new InvalidOperationException("no state was written");
        var resources = state.Targets.Values.Sum(t => t.Resources.Count);
        var pick = resolved[Units / 2];
        if (resolved.Select(Plan).FirstOrDefault(p => p.HasChanges) is { } changed)
        {
            throw new InvalidOperationException($"the recorded state does not match the specification: target {changed.Target} still has changes");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input: {agents} agents, {Units} process deploys (2 agents each), {text.Length / 1024.0:F0} KiB of IntentLang; state: {resources} resources in {state.Targets.Count} targets, {new FileInfo(StatePath).Length / 1048576.0:F1} MiB, serial {state.Serial}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-up (not a target): recording the state through the applier took {setup.Elapsed.TotalSeconds:F1} s ({Units} applies, {state.Serial} state writes)"));
        Console.WriteLine();
        Console.WriteLine("| operation | median ms | p90 ms | alloc MiB | runs | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var one = pick.Target ?? string.Empty;
        Print(Sampler.Measure($"parse + bind + validate {agents} agents (SpecLoader.LoadFile)", 2, iterations, () => SpecLoader.LoadFile(SpecPath, null)), "—");
        Print(Sampler.Measure($"resolve one target (SpecResolver.Resolve, {one})", 3, iterations, () => SpecResolver.Resolve(document, one)), "—");
        Print(Sampler.Measure($"read the state ({resources} resources, StateStore.Read)", 3, iterations, () => StateStore.Read(StatePath)), "—");
        Print(Sampler.Measure($"plan one target against the {resources}-resource state (DeploymentEngine.Plan)", 3, iterations, () => Plan(pick)), "< 500 ms");
        Print(Sampler.Measure($"no-op apply of one target (lock, read, secrets, plan, no changes, unlock)", 3, iterations, () => NoOpApply(pick)), "< 1000 ms");
        Print(Sampler.Measure($"plan every target: {Units} plans, {resources} resources", 1, Math.Max(3, iterations / 2), () => resolved.ForEach(r => Plan(r))), "(< 500 ms)");
        Print(Sampler.Measure($"no-op apply of every target: {Units} applies", 1, Math.Max(3, iterations / 2), () => resolved.ForEach(NoOpApply)), "(< 1000 ms)");
    }

    private static void Print(Samples samples, string target) => Console.WriteLine(samples.Row(target));

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]) };

    private AgentSpec.Plan Plan(ResolvedDeployment deployment) => DeploymentEngine.Plan(deployment, Settings());

    /// <summary>What Invoke-AgentSpecApply does when nothing changed: lock, state, secrets, plan inside the lock, the "No changes" line, unlock.</summary>
    private void NoOpApply(ResolvedDeployment deployment)
    {
        using var session = DeploymentEngine.BeginApply(deployment, null, Settings(), TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None);
        if (session.Plan.HasChanges)
        {
            throw new InvalidOperationException($"target {session.Plan.Target} has changes; the no-op apply measurement is invalid");
        }

        _ = session.Plan.Render(false);
    }

    /// <summary>Plans one target under the lock and applies it with the recording provider through the real applier.</summary>
    private async Task RecordAsync(ResolvedDeployment deployment)
    {
        using var stateLock = StateLock.Acquire(StatePath, "apply", deployment.Target ?? string.Empty, TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None);
        var state = StateStore.Read(StatePath);
        var plan = Plan(deployment);
        var job = new ApplyJob
        {
            Plan = plan,
            StatePath = state.Path,
            State = state,
            Provider = new RecordingProvider(),
            Salt = plan.Seal.SecretSalt,
            Context = new ApplyContext
            {
                StateFolder = _folder,
                Redactor = new Redactor(),
                Events = NullEngineEvents.Instance,
                Lineage = state.Lineage ?? string.Empty,
            },
        };
        var report = await Applier.RunAsync(job, "apply", CancellationToken.None);
        if (report.Outcome != "succeeded")
        {
            throw new InvalidOperationException($"recording {deployment.Target} ended {report.Outcome}");
        }
    }
}
