using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Planning;
using AgentSpec.Engine.Providers.Process;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;
using AgentSpec.Engine.Validation;

namespace AgentSpec.Engine;

/// <summary>
/// The engine's entry points (deployment spec §1.2): plan from a resolved deployment, apply (with lock, secrets and
/// seal checks), destroy, status, history and unlock. Everything returned is an AgentSpec.Language type or a session.
/// </summary>
public static class DeploymentEngine
{
    /// <summary>The provider of a target kind, reaching its target as <paramref name="connection"/> says (null = the environment).</summary>
    public static ITargetProvider ProviderFor(string kind, TargetConnection? connection = null) => kind switch
    {
        ProcessResources.Kind => new ProcessProvider(),
        Providers.Kubernetes.KubernetesResources.Kind => new Providers.Kubernetes.KubernetesProvider((connection ?? TargetConnection.Environment).Kubernetes()),
        Providers.Docker.DockerResources.Kind => new Providers.Docker.DockerProvider(),
        Providers.Compose.ComposeResources.Kind => new Providers.Compose.ComposeProvider(),
        _ => throw DesiredState.Unsupported(kind),
    };

    /// <summary>
    /// Stage 9 of §2.1 (<c>ValidateUnits</c>): the AS51xx diagnostics of the resolved units, offline (no secrets, state or
    /// target). A resolution that stopped has no units and gives none.
    /// </summary>
    public static IReadOnlyList<Diagnostic> ValidateUnits(ResolvedDeployment resolved) => TargetValidation.Check(resolved);

    /// <summary>An offline plan (no lock; secrets best effort): stages 9–14 of §2.1.</summary>
    public static Plan Plan(ResolvedDeployment resolved, PlanSettings settings)
    {
        ResolutionErrors.ThrowIfInvalid(resolved);
        var checks = TargetValidation.Require(resolved);
        var state = StateStore.Read(settings.StatePath);
        var salt = state.Document?.SecretSalt ?? SecretFingerprint.NewSalt();
        var desired = DesiredState.Build(resolved, settings, Convert.FromBase64String(salt), requireSecrets: false, redactor: null);
        return Planner.Create(Request(resolved, settings, state, desired, salt, checks));
    }

    /// <summary>A destroy plan of a recorded target, from the state alone.</summary>
    public static Plan PlanDestroy(string statePath, string target, string? displayPath = null, DestroyOptions? keep = null)
    {
        var state = StateStore.Read(statePath);
        var record = RequireTarget(state, statePath, target);
        return DestroyPlan(state, record, target, displayPath ?? statePath, keep ?? DestroyOptions.None);
    }

    /// <summary>
    /// Takes the lock, reads the state, resolves every secret, then computes the plan (from <paramref name="resolved"/>)
    /// or verifies the seal of <paramref name="plan"/>. The returned session holds the lock until disposed.
    /// </summary>
    public static ApplySession BeginApply(ResolvedDeployment? resolved, Plan? plan, PlanSettings settings, TimeSpan lockTimeout, Action<string> warn, CancellationToken cancellation)
    {
        IReadOnlyList<Diagnostic> checks = [];
        if (resolved is not null)
        {
            ResolutionErrors.ThrowIfInvalid(resolved);
            checks = TargetValidation.Require(resolved);
        }

        var target = resolved?.Target ?? plan?.Target ?? string.Empty;
        var stateLock = StateLock.Acquire(settings.StatePath, "apply", target, lockTimeout, warn, cancellation);
        try
        {
            var state = StateStore.Read(settings.StatePath);
            var redactor = new Redactor();
            if (resolved is not null)
            {
                var salt = state.Document?.SecretSalt ?? SecretFingerprint.NewSalt();
                var desired = DesiredState.Build(resolved, settings, Convert.FromBase64String(salt), requireSecrets: true, redactor);
                var fresh = Planner.Create(Request(resolved, settings, state, desired, salt, checks));
                return new ApplySession(stateLock, state, fresh, "apply", desired.Values, redactor, salt) { Connection = settings.Connection };
            }

            if (plan is null)
            {
                throw new ArgumentException("either a resolved deployment or a plan is required", nameof(plan));
            }

            var values = VerifySeal(plan, state, settings, redactor);
            return new ApplySession(stateLock, state, plan, plan.Mode == PlanMode.Destroy ? "destroy" : plan.Mode == PlanMode.Restore ? "restore" : "apply", values, redactor, plan.Seal.SecretSalt)
            {
                Connection = settings.Connection,
            };
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The offline restore plan (no lock) of history entry <paramref name="serial"/> of <paramref name="target"/>, or of
    /// the newest successful apply/restore before the current one when <paramref name="serial"/> is null (§9.2).
    /// </summary>
    public static Plan PlanRestore(string target, long? serial, PlanSettings settings)
    {
        var state = StateStore.Read(settings.StatePath);
        return RestorePlan(state, target, serial, settings, requireSecrets: false, redactor: null).Plan;
    }

    /// <summary>Takes the lock, rebuilds the desired state of a history snapshot with the current secrets and plans it (§9.2).</summary>
    public static ApplySession BeginRestore(string target, long? serial, PlanSettings settings, TimeSpan lockTimeout, Action<string> warn, CancellationToken cancellation)
    {
        var stateLock = StateLock.Acquire(settings.StatePath, "restore", target, lockTimeout, warn, cancellation);
        try
        {
            var state = StateStore.Read(settings.StatePath);
            var redactor = new Redactor();
            var (plan, desired, salt) = RestorePlan(state, target, serial, settings, requireSecrets: true, redactor);
            return new ApplySession(stateLock, state, plan, "restore", desired.Values, redactor, salt);
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    private static (Plan Plan, DesiredState Desired, string Salt) RestorePlan(StateSnapshot state, string target, long? serial, PlanSettings settings, bool requireSecrets, Redactor? redactor)
    {
        RequireTarget(state, settings.StatePath, target);
        var document = state.Document ?? throw new InvalidOperationException("RequireTarget guarantees a state document");
        var entry = RestoreSource.Find(document, target, serial, settings.StatePath);
        var resolved = Resolution.ResolvedJsonReader.Deployment(RestoreSource.Snapshot(document, entry, settings.StatePath), target);
        var salt = document.SecretSalt;
        var desired = DesiredState.Build(resolved, settings, Convert.FromBase64String(salt), requireSecrets, redactor);
        var plan = Planner.Create(Request(resolved, settings, state, desired, salt, [], PlanMode.Restore, entry.Serial));
        return (plan, desired, salt);
    }

    /// <summary>Takes the lock and builds the destroy plan of a recorded target (deployment spec §6.6).</summary>
    public static ApplySession BeginDestroy(string statePath, string target, string? displayPath, TimeSpan lockTimeout, Action<string> warn, CancellationToken cancellation, TargetConnection? connection = null, DestroyOptions? keep = null)
    {
        var stateLock = StateLock.Acquire(statePath, "destroy", target, lockTimeout, warn, cancellation);
        try
        {
            var state = StateStore.Read(statePath);
            var record = RequireTarget(state, statePath, target);
            var plan = DestroyPlan(state, record, target, displayPath ?? statePath, keep ?? DestroyOptions.None);
            return new ApplySession(stateLock, state, plan, "destroy", new Dictionary<string, string>(), new Redactor(), null)
            {
                Connection = connection ?? TargetConnection.Environment,
            };
        }
        catch
        {
            stateLock.Dispose();
            throw;
        }
    }

    /// <summary>State plus live health per recorded target matching <paramref name="patterns"/> (wildcards).</summary>
    public static IReadOnlyList<DeploymentStatus> Status(string statePath, IReadOnlyList<Func<string, bool>> patterns, bool checkHealth, TargetConnection? connection = null)
    {
        var state = StateStore.Read(statePath);
        var list = new List<DeploymentStatus>();
        if (state.Document is not { } document)
        {
            return list;
        }

        var folder = Path.GetDirectoryName(state.Path) ?? ".";
        foreach (var (name, target) in document.Targets.Where(t => patterns.Count == 0 || patterns.Any(p => p(t.Key))))
        {
            var provider = ProviderFor(target.Kind, connection);
            var resources = new List<ResourceStatus>();
            var health = DeploymentHealth.Unknown;
            string? detail = null;
            foreach (var resource in target.Resources)
            {
                var live = checkHealth ? provider.ReadLive(resource, folder) : new LiveResource(true, true, "not checked");
                resources.Add(new ResourceStatus { Address = resource.Address, Type = resource.Type, Status = resource.Status, Live = live.Description, Error = resource.Error });
                if (checkHealth && IsWorkload(target.Kind, resource.Type))
                {
                    health = live.Health;
                    detail = live.HealthDetail;
                }
            }

            list.Add(new DeploymentStatus
            {
                Target = name,
                Kind = target.Kind,
                Package = target.Package,
                PackageVersion = target.PackageVersion,
                Environment = target.Environment,
                Serial = target.LastSerial,
                LastApplied = target.LastApplied,
                Health = health,
                HealthDetail = detail,
                Endpoint = DeploymentEndpoint.Of(target),
                Replicas = Providers.Compose.ComposeStatus.Replicas(target),
                Resources = resources,
                StatePath = state.Path,
            });
        }

        return list;
    }

    /// <summary>The resource whose live health is the target's health.</summary>
    private static bool IsWorkload(string kind, string type) => kind switch
    {
        ProcessResources.Kind => type == ProcessResources.ProcessType,
        Providers.Docker.DockerResources.Kind => type == Providers.Docker.DockerResources.ContainerType,
        Providers.Kubernetes.KubernetesResources.Kind => type == Providers.Kubernetes.KubernetesResources.DeploymentType,
        Providers.Compose.ComposeResources.Kind => type == Providers.Compose.ComposeResources.ServiceType,
        _ => false,
    };

    /// <summary>History entries, newest first. A target matches the entries of every operation whose scope held it (a compose stack's applies).</summary>
    public static IReadOnlyList<HistoryEntry> History(string statePath, IReadOnlyList<Func<string, bool>> patterns, long? serial, int last, bool includeSnapshot)
    {
        var state = StateStore.Read(statePath);
        if (state.Document is not { } document)
        {
            return Array.Empty<HistoryEntry>();
        }

        var entries = document.History
            .Where(h => patterns.Count == 0 || patterns.Any(p => p(h.Target) || h.Scope.Any(p)))
            .Where(h => serial is null || h.Serial == serial)
            .OrderByDescending(h => h.Serial);
        return (serial is null && last > 0 ? entries.Take(last) : entries).Select(h => new HistoryEntry
        {
            Serial = h.Serial,
            Time = h.FinishedAt,
            StartedAt = h.StartedAt,
            Target = h.Target,
            Scope = h.Scope,
            Operation = h.Operation,
            Outcome = h.Outcome,
            Environment = h.Environment,
            Package = h.Package,
            PackageVersion = h.PackageVersion,
            SpecHash = h.SpecHash,
            PlanId = h.PlanId,
            Added = h.Summary.Add,
            Changed = h.Summary.Change,
            Destroyed = h.Summary.Destroy,
            Failed = h.Summary.Failed,
            User = h.User,
            Host = h.Host,
            CiRun = h.CiRun,
            ToolVersion = h.ToolVersion,
            RestoredFrom = h.RestoredFrom,
            HasSnapshot = h.Snapshot is not null && document.Snapshots.ContainsKey(h.Snapshot),
            StatePath = state.Path,
            Snapshot = includeSnapshot && h.Snapshot is not null && document.Snapshots.TryGetValue(h.Snapshot, out var snapshot) ? (JsonObject)snapshot.DeepClone() : null,
        }).ToList();
    }

    public static IReadOnlyList<string> RecordedTargets(string statePath) =>
        StateStore.Read(statePath).Document?.Targets.Keys.ToList() ?? new List<string>();

    public static StateLockInfo? LockHolder(string statePath) => StateLock.ReadInfo(StateLock.LockPathFor(statePath));

    public static StateLockInfo? Unlock(string statePath, string? lockId, bool force) => StateLock.Remove(statePath, lockId, force);

    /// <summary>With <c>-Refresh</c>: the live drift of the recorded resources in the deployment's scope (§9.3).</summary>
    private static IReadOnlyDictionary<string, ResourceDrift>? DriftOf(ResolvedDeployment resolved, PlanSettings settings, StateSnapshot state)
    {
        if (!settings.Refresh)
        {
            return null;
        }

        var scope = resolved.Scope.Count > 0 ? resolved.Scope : [resolved.Target ?? string.Empty];
        var records = scope
            .Select(name => state.Document is { } document && document.Targets.TryGetValue(name, out var t) ? t : null)
            .OfType<TargetRecord>()
            .SelectMany(t => t.Resources)
            .ToList();
        return records.Count == 0
            ? new Dictionary<string, ResourceDrift>()
            : LiveDrift.Read(ProviderFor(resolved.Kind ?? string.Empty, settings.Connection), records, Path.GetDirectoryName(state.Path) ?? ".");
    }

    private static PlanRequest Request(ResolvedDeployment resolved, PlanSettings settings, StateSnapshot state, DesiredState desired, string salt, IReadOnlyList<Diagnostic> checks, PlanMode mode = PlanMode.Apply, long? restoredFrom = null) => new()
    {
        Drift = DriftOf(resolved, settings, state),
        Mode = mode,
        RestoredFrom = restoredFrom,
        Package = resolved.Package?.Name ?? string.Empty,
        PackageVersion = resolved.Package?.Version ?? string.Empty,
        Environment = resolved.Environment,
        Target = resolved.Target ?? string.Empty,
        TargetKind = resolved.Kind ?? string.Empty,
        Scope = resolved.Scope,
        Endpoint = ProviderFor(resolved.Kind ?? string.Empty, settings.Connection).CurrentEndpoint(),
        StateDisplayPath = settings.DisplayPath ?? settings.StatePath,
        State = state,
        Desired = desired.Resources,
        Snapshot = desired.Snapshot,
        NewSalt = state.Document is null ? salt : null,
        Diagnostics = resolved.Diagnostics.Concat(checks).Concat(desired.Diagnostics).ToList(),
    };

    private static Plan DestroyPlan(StateSnapshot state, TargetRecord record, string target, string displayPath, DestroyOptions keep) => Planner.Create(new PlanRequest
    {
        Mode = PlanMode.Destroy,
        Package = record.Package,
        PackageVersion = record.PackageVersion,
        Environment = record.Environment,
        Target = target,
        TargetKind = record.Kind,
        Scope = record.Scope.Count > 0 ? record.Scope : [target],
        Endpoint = (JsonObject)record.Endpoint.DeepClone(),
        StateDisplayPath = displayPath,
        State = state,
        Keep = keep,
    });

    private static TargetRecord RequireTarget(StateSnapshot state, string statePath, string target)
    {
        if (state.Document is null)
        {
            throw new AgentSpecException(ErrorIds.StateNotFound, AgentSpecErrorCategory.ObjectNotFound, $"No state file at \"{statePath}\": nothing has been deployed from here.", statePath)
            {
                RecommendedAction = "Pass -StatePath (or -Path) to select the state of the deployment.",
            };
        }

        if (!state.Document.Targets.TryGetValue(target, out var record))
        {
            var names = state.Document.Targets.Keys.ToList();
            throw new AgentSpecException(ErrorIds.TargetNotInState, AgentSpecErrorCategory.ObjectNotFound,
                $"Target \"{target}\" is not recorded in \"{statePath}\"; recorded: {(names.Count == 0 ? "none" : string.Join(", ", names))}.", target);
        }

        return record;
    }

    /// <summary>The seal checks of deployment spec §5.3; returns the resolved secret values.</summary>
    private static Dictionary<string, string> VerifySeal(Plan plan, StateSnapshot state, PlanSettings settings, Redactor redactor)
    {
        if (plan.HasErrors)
        {
            throw new AgentSpecException(ErrorIds.PlanHasErrors, AgentSpecErrorCategory.InvalidOperation, "The plan has Error diagnostics and cannot be applied.", plan);
        }

        var reasons = new List<string>();
        var seal = plan.Seal;
        var document = state.Document;
        if (seal.StateAbsent && document is not null)
        {
            reasons.Add($"the plan was made when no state existed, but the state now has lineage {document.Lineage} serial {document.Serial}");
        }
        else if (!seal.StateAbsent && document is null)
        {
            reasons.Add("the plan was made against a state that no longer exists");
        }
        else if (document is not null)
        {
            if (seal.StateLineage != document.Lineage)
            {
                reasons.Add($"lineage differs (plan {seal.StateLineage}, state {document.Lineage})");
            }

            if (seal.StateSerial != document.Serial)
            {
                reasons.Add($"serial differs (plan {seal.StateSerial}, state {document.Serial})");
            }
        }

        if (seal.LegacyDigest != state.LegacyDigest)
        {
            reasons.Add("the legacy state file changed");
        }

        if (seal.ToolVersion != ToolVersion.Current)
        {
            reasons.Add($"the plan was made by AgentSpec {seal.ToolVersion}, this is {ToolVersion.Current}");
        }

        var runtime = plan.Changes.Select(c => c.After?["runtime"]?["sha256"]?.GetValue<string>()).OfType<string>().FirstOrDefault();
        if (runtime is not null && RuntimeLocator.TryDescribe() is { } current && current.Sha256 != runtime)
        {
            reasons.Add("the shipped runtime differs from the one planned");
        }

        if (reasons.Count > 0)
        {
            throw new StalePlanException($"The plan is stale and was not applied: {string.Join("; ", reasons)}.", reasons, plan)
            {
                RecommendedAction = "Create a new plan with Get-AgentSpecPlan and apply that.",
            };
        }

        var salt = document?.SecretSalt ?? seal.SecretSalt ?? SecretFingerprint.NewSalt();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var binding in plan.Changes.SelectMany(c => c.SecretBindings).DistinctBy(b => b.Secret))
        {
            var reference = SecretReference.Create(binding.Secret, binding.Source, binding.Key);
            var resolution = settings.Secrets.Resolve(reference);
            if (resolution.Value is null)
            {
                throw SecretResolver.Unresolvable(resolution);
            }

            redactor.Register(resolution.Value);
            values[binding.Secret] = resolution.Value;
            if (binding.Fingerprint is not null && binding.Fingerprint != SecretFingerprint.Compute(Convert.FromBase64String(salt), binding.Secret, resolution.Value))
            {
                changed.Add($"secret \"{binding.Secret}\" ({reference.Text}) changed since the plan");
            }
        }

        if (changed.Count > 0)
        {
            throw new StalePlanException($"The plan is stale and was not applied: {string.Join("; ", changed)}.", changed, plan, ErrorIds.SecretChangedSincePlan)
            {
                RecommendedAction = "Create a new plan with the current secret values.",
            };
        }

        return values;
    }
}
