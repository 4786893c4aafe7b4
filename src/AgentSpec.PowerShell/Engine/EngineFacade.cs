using System.Runtime.CompilerServices;
using AgentSpec.Engine;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// The cmdlets' only way into the engine (deployment spec §1.4). Engine types appear in method bodies only, never in
/// a signature, and no method is inlined into a cmdlet, so a cmdlet type never makes the runtime resolve the engine
/// before the isolated load context is in place. Everything crossing the boundary is an AgentSpec.Language type.
/// </summary>
internal static class EngineFacade
{
    /// <summary>Stage 9 of deployment spec §2.1: the engine's target-validation diagnostics (AS51xx), offline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<Diagnostic> ValidateUnits(ResolvedDeployment resolved) => DeploymentEngine.ValidateUnits(resolved);

    /// <summary>An offline plan of a resolved deployment (no lock; secrets best effort unless <paramref name="noSecrets"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Plan Plan(ResolvedDeployment resolved, StateLocation state, SecretOptions secrets, bool noSecrets, TargetOptions target, bool refresh = false) =>
        DeploymentEngine.Plan(resolved, Settings(state, secrets, noSecrets, target, refresh));

    /// <summary>The destroy plan of a recorded target, from the state alone.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Plan PlanDestroy(StateLocation state, string target, bool keepImages = false, bool keepNamespace = false) =>
        DeploymentEngine.PlanDestroy(state.FullPath, target, state.DisplayPath, new DestroyOptions { KeepImages = keepImages, KeepNamespace = keepNamespace });

    /// <summary>
    /// Apply (from <paramref name="resolved"/> or a sealed <paramref name="plan"/>) or, with
    /// <paramref name="destroyTarget"/>, destroy: lock, plan or seal check, <paramref name="confirm"/> on this thread,
    /// execution on workers with events drained here, lock released before returning.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ApplyOutcome Apply(
        ResolvedDeployment? resolved,
        Plan? plan,
        string? destroyTarget,
        StateLocation state,
        SecretOptions secrets,
        ApplySettings settings,
        Func<Plan, bool> confirm,
        EngineStreamWriter writer,
        CancellationToken cancellation)
    {
        using var session = destroyTarget is not null
            ? DeploymentEngine.BeginDestroy(state.FullPath, destroyTarget, state.DisplayPath, settings.LockTimeout, writer.Warning, cancellation, Connection(settings.Target),
                new DestroyOptions { KeepImages = settings.KeepImages, KeepNamespace = settings.KeepNamespace })
            : DeploymentEngine.BeginApply(resolved, plan, Settings(state, secrets, noSecrets: false, settings.Target, settings.Refresh), settings.LockTimeout, writer.Warning, cancellation);
        return Execute(session, settings, confirm, writer, cancellation);
    }

    /// <summary>The offline restore plan of a history entry (<paramref name="serial"/> null = the previous successful one).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Plan PlanRestore(StateLocation state, string target, long? serial, SecretOptions secrets, bool noSecrets, TargetOptions? options = null) =>
        DeploymentEngine.PlanRestore(target, serial, Settings(state, secrets, noSecrets, options ?? TargetOptions.None));

    /// <summary>Restore (deployment spec §9.2): lock, rebuild the snapshot with current secrets, confirm, apply.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ApplyOutcome Restore(
        string target,
        long? serial,
        StateLocation state,
        SecretOptions secrets,
        ApplySettings settings,
        Func<Plan, bool> confirm,
        EngineStreamWriter writer,
        CancellationToken cancellation)
    {
        using var session = DeploymentEngine.BeginRestore(target, serial, Settings(state, secrets, noSecrets: false, settings.Target), settings.LockTimeout, writer.Warning, cancellation);
        return Execute(session, settings, confirm, writer, cancellation);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ApplyOutcome Execute(ApplySession session, ApplySettings settings, Func<Plan, bool> confirm, EngineStreamWriter writer, CancellationToken cancellation)
    {
        if (!session.Plan.HasChanges)
        {
            return new ApplyOutcome { Plan = session.Plan, Summary = NoChangesLine(session.Plan) };
        }

        if (!confirm(session.Plan))
        {
            return new ApplyOutcome { Plan = session.Plan };
        }

        var options = new ApplyOptions
        {
            Parallelism = settings.Parallelism,
            HealthTimeout = settings.HealthTimeout,
            OperationTimeout = settings.OperationTimeout,
            SkipHealthCheck = settings.SkipHealthCheck,
        };
        using var queue = new EngineEventQueue();
        ApplyReport report;
        try
        {
            report = queue.Pump(() => session.ExecuteAsync(options, queue, cancellation), writer.Write);
        }
        finally
        {
            writer.CompleteProgress();
        }

        var verb = session.Operation switch
        {
            "destroy" => "Destroy",
            "restore" => "Restore",
            _ => "Apply",
        };
        return new ApplyOutcome { Plan = session.Plan, Executed = true, Results = report.Results, Summary = report.SummaryText(verb) };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<DeploymentStatus> Status(StateLocation state, IReadOnlyList<Func<string, bool>> patterns, bool checkHealth, TargetOptions target) =>
        DeploymentEngine.Status(state.FullPath, patterns, checkHealth, Connection(target));

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<HistoryEntry> History(StateLocation state, IReadOnlyList<Func<string, bool>> patterns, long? serial, int last, bool includeSnapshot) =>
        DeploymentEngine.History(state.FullPath, patterns, serial, last, includeSnapshot);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<string> RecordedTargets(StateLocation state) => DeploymentEngine.RecordedTargets(state.FullPath);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static StateLockInfo? LockHolder(StateLocation state) => DeploymentEngine.LockHolder(state.FullPath);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static StateLockInfo? Unlock(StateLocation state, string? lockId, bool force) => DeploymentEngine.Unlock(state.FullPath, lockId, force);

    /// <summary>The files of <c>Export-AgentSpec</c> (relative name → content), computed offline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyDictionary<string, string> Export(ResolvedDeployment resolved, string format, StateLocation state, TargetOptions target, bool rbac) =>
        AgentSpec.Engine.Export.DeploymentExport.Render(resolved, format, state.FullPath, PlanSettings.DefaultBindHost(),
            target.BaseImage ?? AgentSpec.Engine.Providers.Docker.DockerResources.BaseImageFromEnvironment(), rbac);

    /// <summary><c>-IncludeRuntime</c>: build-context-relative destination → the Linux runtime file to copy there.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyDictionary<string, string> ExportRuntimeCopies(IReadOnlyDictionary<string, string> files, string target) =>
        AgentSpec.Engine.Export.RuntimeCopies.For(files, target);

    /// <summary>
    /// The log records of a recorded target, redacted, oldest first; enumerated on the caller's (pipeline) thread. With
    /// <paramref name="follow"/> the enumeration blocks for new records until <paramref name="cancellation"/> fires.
    /// State and target errors are thrown by this call, provider errors by the enumeration.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IEnumerable<LogRecord> Logs(StateLocation state, string target, int tail, DateTimeOffset? since, Func<string, bool>? agent, bool follow, TargetOptions connection, CancellationToken cancellation) =>
        AgentSpec.Engine.Logs.TargetLogs.Read(
            state.FullPath,
            target,
            new AgentSpec.Engine.Logs.LogQuery { Tail = tail, Since = since, Agent = agent, Follow = follow },
            SecretResolver.Default(Array.Empty<ISecretProvider>()),
            Connection(connection),
            cancellation).ToBlockingEnumerable(cancellation);

    /// <summary>The assembly that holds the engine (for the isolation test and diagnostics).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static System.Reflection.Assembly EngineAssembly() => typeof(DeploymentEngine).Assembly;

    private static string NoChangesLine(Plan plan) =>
        plan.Render(false).Split('\n').FirstOrDefault(line => line.StartsWith("No changes.", StringComparison.Ordinal))
        ?? $"No changes. Target \"{plan.Target}\" ({plan.TargetKind}) matches the configuration and the recorded state.";

    private static TargetConnection Connection(TargetOptions target) =>
        target.Context is null && target.KubeConfig is null
            ? TargetConnection.Environment
            : new TargetConnection { Context = target.Context, KubeConfig = target.KubeConfig };

    private static PlanSettings Settings(StateLocation state, SecretOptions secrets, bool noSecrets, TargetOptions target, bool refresh = false)
    {
        var extra = new List<ISecretProvider>();
        if (secrets.SecretManagement is { } lookups)
        {
            extra.Add(new PrefetchedSecretProvider("SecretManagement", secrets.SecretManagementDescription, lookups));
        }

        return new PlanSettings
        {
            StatePath = state.FullPath,
            DisplayPath = state.DisplayPath,
            Secrets = SecretResolver.Default(extra, secrets.ProviderOrder),
            NoSecrets = noSecrets,
            Connection = Connection(target),
            BaseImage = target.BaseImage ?? AgentSpec.Engine.Providers.Docker.DockerResources.BaseImageFromEnvironment(),
            Refresh = refresh,
        };
    }
}
