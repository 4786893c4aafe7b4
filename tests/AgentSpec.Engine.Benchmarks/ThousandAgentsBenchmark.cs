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
internal sealed class ThousandAgentsBenchmark(string repositoryRoot, int agents, int iterations, bool everyTarget)
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agentspec-engine-bench", Guid.NewGuid().ToString("N")[..10]);

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
        var shared = Path.Combine(repositoryRoot, "..", "shared");
        await MeasureProcessAsync(ThousandAgentSpec.Generate(shared, agents, "process", ThousandAgentSpec.Layout.FirstServesAll));
        Console.WriteLine();
        await MeasureComposeAsync(ThousandAgentSpec.Generate(shared, agents, "docker-compose"));
    }

    /// <summary>
    /// Process deploys: d0000 serves all the agents, d0001… two each; the state holds all of them. Measured: one
    /// two-agent target (d0250) and the target that serves every agent (d0000), each as Get-AgentSpecPlan's engine
    /// path (resolve + plan) and as a no-op apply.
    /// </summary>
    private async Task MeasureProcessAsync(string text)
    {
        var specPath = Path.Combine(_folder, "process.ias");
        var statePath = Path.Combine(_folder, "process." + StateStore.DefaultFileName);
        File.WriteAllText(specPath, text);
        var document = SpecLoader.LoadFile(specPath, null);
        var resolved = Enumerable.Range(0, Units).Select(i => SpecResolver.Resolve(document, ThousandAgentSpec.DeployName(i))).ToList();
        ThrowIfInvalid(resolved);
        var setup = Stopwatch.StartNew();
        foreach (var deployment in resolved)
        {
            await RecordAsync(deployment, statePath, new RecordingProvider());
        }

        setup.Stop();
        if (resolved.Select(r => Plan(r, statePath)).FirstOrDefault(p => p.HasChanges) is { } changed)
        {
            throw new InvalidOperationException($"the recorded state does not match the specification: target {changed.Target} still has changes");
        }

        var resources = Describe($"process: {agents} agents, {Units} process deploys (d0000 serves all {agents} agents, the others 2 each)", text, statePath, setup.Elapsed, Units);
        var one = ThousandAgentSpec.DeployName(Units / 2);
        var all = ThousandAgentSpec.DeployName(0);
        var pick = resolved[Units / 2];
        var first = resolved[0];
        Print(Sampler.Measure($"parse + bind + validate {agents} agents (SpecLoader.LoadFile)", 2, iterations, () => SpecLoader.LoadFile(specPath, null)), "—");
        Print(Sampler.Measure($"read the state ({resources} resources, StateStore.Read)", 3, iterations, () => StateStore.Read(statePath)), "—");
        Print(Sampler.Measure($"resolve + plan {one} (2 agents) against the {resources}-resource state", 3, iterations, () => Plan(SpecResolver.Resolve(document, one), statePath)), "< 500 ms");
        Print(Sampler.Measure($"no-op apply of {one} (lock, read, secrets, plan, no changes, unlock)", 3, iterations, () => NoOpApply(pick, statePath)), "< 1000 ms");
        Print(Sampler.Measure($"resolve {all} ({agents} agents, SpecResolver.Resolve)", 3, iterations, () => SpecResolver.Resolve(document, all)), "—");
        Print(Sampler.Measure($"resolve + plan {all} ({agents} agents) against the {resources}-resource state", 3, iterations, () => Plan(SpecResolver.Resolve(document, all), statePath)), "< 500 ms");
        Print(Sampler.Measure($"no-op apply of {all} ({agents} agents)", 3, iterations, () => NoOpApply(first, statePath)), "< 1000 ms");
        if (everyTarget)
        {
            Print(Sampler.Measure($"plan every target: {Units} plans, {resources} resources", 1, Math.Max(3, iterations / 2), () => resolved.ForEach(r => Plan(r, statePath))), "(< 500 ms)");
            Print(Sampler.Measure($"no-op apply of every target: {Units} applies", 1, Math.Max(3, iterations / 2), () => resolved.ForEach(r => NoOpApply(r, statePath))), "(< 1000 ms)");
        }
    }

    /// <summary>
    /// One docker-compose stack of N/2 deploys (two agents each, Image + Service each): the engine plans and applies
    /// the whole stack through any of its deploys, so one plan covers every agent and every resource.
    /// </summary>
    private async Task MeasureComposeAsync(string text)
    {
        var specPath = Path.Combine(_folder, "compose.ias");
        var statePath = Path.Combine(_folder, "compose." + StateStore.DefaultFileName);
        File.WriteAllText(specPath, text);
        var document = SpecLoader.LoadFile(specPath, null);
        var through = ThousandAgentSpec.DeployName(0);
        var stack = SpecResolver.Resolve(document, through);
        ThrowIfInvalid([stack]);
        var setup = Stopwatch.StartNew();
        await RecordAsync(stack, statePath, new RecordingProvider(new AgentSpec.Engine.Providers.Compose.ComposeProvider()));
        setup.Stop();
        var check = Plan(stack, statePath);
        if (check.HasChanges)
        {
            throw new InvalidOperationException($"the recorded compose state does not match the specification: {check.Changes.Count(c => c.Action != AgentSpec.ChangeAction.NoOp)} changes");
        }

        var resources = Describe($"docker-compose: {agents} agents, one stack of {Units} deploys (2 agents each), {stack.Units.Count} units in the plan through {through}", text, statePath, setup.Elapsed, 1);
        Print(Sampler.Measure($"parse + bind + validate {agents} agents (SpecLoader.LoadFile)", 2, iterations, () => SpecLoader.LoadFile(specPath, null)), "—");
        Print(Sampler.Measure($"read the state ({resources} resources, StateStore.Read)", 3, iterations, () => StateStore.Read(statePath)), "—");
        Print(Sampler.Measure($"resolve the stack ({Units} deploys, SpecResolver.Resolve {through})", 3, iterations, () => SpecResolver.Resolve(document, through)), "—");
        Print(Sampler.Measure($"resolve + plan the stack ({agents} agents, {resources} resources, one plan)", 3, iterations, () => Plan(SpecResolver.Resolve(document, through), statePath)), "< 500 ms");
        Print(Sampler.Measure($"no-op apply of the stack ({agents} agents, {resources} resources)", 3, iterations, () => NoOpApply(stack, statePath)), "< 1000 ms");
    }

    private int Describe(string input, string text, string statePath, TimeSpan setup, int applies)
    {
        var state = StateStore.Read(statePath).Document ?? throw new InvalidOperationException("no state was written");
        var resources = state.Targets.Values.Sum(t => t.Resources.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input: {input}, {text.Length / 1024.0:F0} KiB of IntentLang; state: {resources} resources in {state.Targets.Count} targets, {new FileInfo(statePath).Length / 1048576.0:F1} MiB, serial {state.Serial}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-up (not a target): recording the state through the applier took {setup.TotalSeconds:F1} s ({applies} applies, {state.Serial} state writes)"));
        Console.WriteLine();
        Console.WriteLine("| operation | median ms | p90 ms | alloc MiB | runs | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        return resources;
    }

    private static void ThrowIfInvalid(IReadOnlyList<ResolvedDeployment> resolved)
    {
        if (resolved.FirstOrDefault(r => !r.IsValid) is { } invalid)
        {
            throw new InvalidOperationException("the generated specification does not resolve: " + string.Join("; ", invalid.Diagnostics.Where(d => d.IsError)));
        }
    }

    private static void Print(Samples samples, string target) => Console.WriteLine(samples.Row(target));

    private static PlanSettings Settings(string statePath) => new() { StatePath = statePath, Secrets = SecretResolver.Default([]) };

    private static AgentSpec.Plan Plan(ResolvedDeployment deployment, string statePath) => DeploymentEngine.Plan(deployment, Settings(statePath));

    /// <summary>What Invoke-AgentSpecApply does when nothing changed: lock, state, secrets, plan inside the lock, the "No changes" line, unlock.</summary>
    private static void NoOpApply(ResolvedDeployment deployment, string statePath)
    {
        using var session = DeploymentEngine.BeginApply(deployment, null, Settings(statePath), TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None);
        if (session.Plan.HasChanges)
        {
            throw new InvalidOperationException($"target {session.Plan.Target} has changes; the no-op apply measurement is invalid");
        }

        _ = session.Plan.Render(false);
    }

    /// <summary>Plans one target under the lock and applies it with the recording provider through the real applier.</summary>
    private async Task RecordAsync(ResolvedDeployment deployment, string statePath, RecordingProvider provider)
    {
        using var stateLock = StateLock.Acquire(statePath, "apply", deployment.Target ?? string.Empty, TimeSpan.FromSeconds(30), _ => { }, CancellationToken.None);
        var state = StateStore.Read(statePath);
        var plan = Plan(deployment, statePath);
        var job = new ApplyJob
        {
            Plan = plan,
            StatePath = state.Path,
            State = state,
            Provider = provider,
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
