using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Planning;

/// <summary>Desired vs recorded state → <see cref="Plan"/> (deployment spec §3.5, §5).</summary>
public static class Planner
{
    public static Plan Create(PlanRequest request)
    {
        var document = request.State.Document;
        var scope = request.Scope.Count > 0 ? request.Scope : [request.Target];
        var recorded = RecordedScope(request, scope)
            .Select(name => document is not null && document.Targets.TryGetValue(name, out var t) ? t : null)
            .OfType<TargetRecord>()
            .SelectMany(t => t.Resources)
            .ToDictionary(r => r.Address, StringComparer.Ordinal);
        var changes = new List<ResourceChange>();
        if (request.Mode != PlanMode.Destroy)
        {
            foreach (var desired in request.Desired)
            {
                changes.Add(recorded.TryGetValue(desired.Address, out var record)
                    ? WithDrift(Compare(desired, record), desired, record, request.Drift?.GetValueOrDefault(desired.Address))
                    : Create(desired));
            }
        }

        var desiredAddresses = request.Mode == PlanMode.Destroy
            ? new HashSet<string>(StringComparer.Ordinal)
            : request.Desired.Select(d => d.Address).ToHashSet(StringComparer.Ordinal);
        foreach (var record in recorded.Values.Where(r => !desiredAddresses.Contains(r.Address)))
        {
            changes.Add(Delete(record, request.TargetKind, TargetOf(record.Address), request.Mode == PlanMode.Destroy ? KeptBy(record, request.Keep) : null));
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Address, b.Address));
        // Each change already carries its resource's hash (AfterHash): hashing the attributes again (a 1,000-agent
        // config is megabytes of canonical JSON) would double the plan's hashing work.
        var desiredHash = request.Mode == PlanMode.Destroy
            ? DesiredHash(request.Desired)
            : PairsHash(changes.Where(c => desiredAddresses.Contains(c.Address)).Select(c => (c.Address, c.AfterHash ?? string.Empty)));
        var diagnostics = request.Diagnostics.Concat(StateDiagnostics(request)).ToList();
        var specHash = request.Snapshot is null ? null : CanonicalJson.Hash(request.Snapshot);
        return new Plan
        {
            ToolVersion = ToolVersion.Current,
            Mode = request.Mode,
            Package = request.Package,
            PackageVersion = request.PackageVersion,
            Environment = request.Environment,
            Target = request.Target,
            TargetKind = request.TargetKind,
            Scope = scope,
            Endpoint = (JsonObject)request.Endpoint.DeepClone(),
            StatePath = request.StateDisplayPath,
            Seal = new PlanSeal
            {
                StateLineage = document?.Lineage,
                StateSerial = document?.Serial ?? 0,
                StateAbsent = document is null,
                LegacyDigest = request.State.LegacyDigest,
                SecretSalt = document is null ? request.NewSalt : null,
                SpecHash = specHash,
                DesiredHash = desiredHash,
                ToolVersion = ToolVersion.Current,
                Environment = request.Environment,
                Target = request.Target,
            },
            SpecHash = specHash,
            DesiredHash = desiredHash,
            Changes = changes,
            Drift = request.Drift is null ? Array.Empty<ResourceDrift>() : request.Drift.Values.OrderBy(d => d.Address, StringComparer.Ordinal).ToList(),
            Diagnostics = diagnostics,
            Snapshot = request.Snapshot,
            RestoredFrom = request.RestoredFrom,
        };
    }

    /// <summary>Hash of the <c>[address, resourceHash]</c> pairs in address order (deployment spec §3.3).</summary>
    public static string DesiredHash(IEnumerable<DesiredResource> desired) => PairsHash(desired.Select(d => (d.Address, d.Hash)));

    private static string PairsHash(IEnumerable<(string Address, string Hash)> pairs) =>
        CanonicalJson.Hash(new JsonArray(pairs.OrderBy(p => p.Address, StringComparer.Ordinal)
            .Select(p => (JsonNode?)new JsonArray(p.Address, p.Hash)).ToArray()));

    private static ResourceChange Create(DesiredResource d) => Change(d, ChangeAction.Create, ChangeReason.NotInState, null,
        AttributeDiff.Compare(null, d.Attributes, d.SensitivePaths, d.UnknownPaths, Array.Empty<string>()));

    private static ResourceChange Compare(DesiredResource d, ResourceRecord record)
    {
        var diffs = AttributeDiff.Compare(record.Attributes, d.Attributes, d.SensitivePaths.Union(record.SensitivePaths).ToList(), d.UnknownPaths, d.ReplaceOn)
            .Where(p => !p.Unknown || p.Kind == PropertyDiffKind.Added)
            .Where(p => !(p.Unknown && p.After is null))
            .ToList();
        switch (record.Status)
        {
            case ResourceRecord.Pending or ResourceRecord.Tainted:
                return Change(d, ChangeAction.Replace, ChangeReason.Interrupted, record, diffs);
            case ResourceRecord.Failed:
                var replace = d.IsWorkload && d.Kind is "process" or "docker" or "docker-compose";
                return Change(d, replace ? ChangeAction.Replace : ChangeAction.Update, ChangeReason.PreviouslyFailed, record, diffs);
        }

        if (diffs.Count == 0)
        {
            return Change(d, ChangeAction.NoOp, ChangeReason.None, record, diffs);
        }

        if (diffs.Any(p => p.ForcesReplacement))
        {
            return Change(d, ChangeAction.Replace, ChangeReason.ReplaceRequired, record, diffs);
        }

        var rotated = diffs.All(p => p.Sensitive);
        return Change(d, ChangeAction.Update, rotated ? ChangeReason.SecretRotated : ChangeReason.AttributesChanged, record, diffs);
    }

    /// <summary>
    /// Convergence of a drifted resource (§3.5): missing → Create, not running → Replace, modified → Update or Replace
    /// by the ReplaceOn rules. A resource the specification also changed keeps the spec's reason; its action only grows
    /// where the live object could not take the planned one (an update of a missing or stopped object).
    /// </summary>
    private static ResourceChange WithDrift(ResourceChange planned, DesiredResource d, ResourceRecord record, ResourceDrift? drift)
    {
        if (drift is null)
        {
            return planned;
        }

        if (planned.Action != ChangeAction.NoOp)
        {
            return (drift.Kind, planned.Action) switch
            {
                (DriftKind.Missing, ChangeAction.Update) => Change(d, ChangeAction.Create, planned.Reason, record, planned.Diffs.ToList()),
                (DriftKind.NotRunning, ChangeAction.Update) => Change(d, ChangeAction.Replace, planned.Reason, record, planned.Diffs.ToList()),
                _ => planned,
            };
        }

        // Shown as live → desired, so the lines read as what the apply will do.
        var diffs = drift.Diffs.Select(p => new PropertyDiff
        {
            Path = p.Path,
            Kind = p.Kind switch { PropertyDiffKind.Added => PropertyDiffKind.Removed, PropertyDiffKind.Removed => PropertyDiffKind.Added, _ => PropertyDiffKind.Modified },
            Before = p.After?.DeepClone(),
            After = p.Before?.DeepClone(),
            Sensitive = p.Sensitive || d.SensitivePaths.Any(s => Json.JsonPath.Covers(s, p.Path)),
            ForcesReplacement = d.ReplaceOn.Any(r => Json.JsonPath.Covers(r, p.Path)),
        }).ToList();
        return drift.Kind switch
        {
            DriftKind.Missing => Change(d, ChangeAction.Create, ChangeReason.DriftMissing, record, diffs),
            DriftKind.NotRunning => Change(d, ChangeAction.Replace, ChangeReason.DriftNotRunning, record, diffs),
            _ when diffs.Any(p => p.ForcesReplacement) => Change(d, ChangeAction.Replace, ChangeReason.DriftModified, record, diffs),
            _ => Change(d, ChangeAction.Update, ChangeReason.DriftModified, record, diffs),
        };
    }

    private static ResourceChange Change(DesiredResource d, ChangeAction action, ChangeReason reason, ResourceRecord? record, List<PropertyDiff> diffs) => new()
    {
        Address = d.Address,
        Target = d.Target,
        TargetKind = d.Kind,
        Type = d.Type,
        Name = d.Name,
        Scope = d.Scope,
        Action = action,
        Reason = reason,
        ReasonText = ReasonText(reason),
        BeforeHash = record?.Hash,
        AfterHash = d.Hash,
        Before = (JsonObject?)record?.Attributes.DeepClone(),
        After = (JsonObject)d.Attributes.DeepClone(),
        Diffs = action == ChangeAction.NoOp ? Array.Empty<PropertyDiff>() : diffs,
        ReplacePaths = action == ChangeAction.Replace ? diffs.Where(p => p.ForcesReplacement).Select(p => p.Path).ToList() : Array.Empty<string>(),
        DependsOn = d.DependsOn,
        SecretBindings = d.SecretBindings,
        SensitivePaths = d.SensitivePaths,
        UnknownPaths = d.UnknownPaths,
        ReplaceOn = d.ReplaceOn,
        IsWorkload = d.IsWorkload,
    };

    /// <summary>
    /// Why <paramref name="record"/>'s live object stays on destroy (§6.6), or null when it is deleted: a switch, or a
    /// namespace AgentSpec did not create (never deleted).
    /// </summary>
    private static string? KeptBy(ResourceRecord record, DestroyOptions keep) => record.Type switch
    {
        // docker and docker-compose images share the type name.
        Providers.Docker.DockerResources.ImageType when keep.KeepImages => "kept by -KeepImages",
        Providers.Kubernetes.KubernetesResources.NamespaceType when record.Observed["created"]?.GetValue<bool>() != true => "not created by AgentSpec",
        Providers.Kubernetes.KubernetesResources.NamespaceType when keep.KeepNamespace => "kept by -KeepNamespace",
        _ => null,
    };

    private static ResourceChange Delete(ResourceRecord record, string kind, string target, string? keptBy) => new()
    {
        Address = record.Address,
        Target = target,
        TargetKind = kind,
        Type = record.Type,
        Name = record.Name,
        Scope = record.Scope,
        Action = ChangeAction.Delete,
        Reason = ChangeReason.NotInConfiguration,
        ReasonText = keptBy is null ? ReasonText(ChangeReason.NotInConfiguration) : keptBy,
        Keep = keptBy is not null,
        BeforeHash = record.Hash,
        Before = (JsonObject)record.Attributes.DeepClone(),
        DependsOn = record.DependsOn,
        SensitivePaths = record.SensitivePaths,
    };

    private static string TargetOf(string address) => address.Split('/')[0];

    /// <summary>
    /// The recorded targets a plan compares with: the scope, plus, for a compose stack, every recorded compose deploy
    /// of the same package (a deploy removed from the stack is deleted by the next apply, deployment spec §7.3).
    /// </summary>
    private static IEnumerable<string> RecordedScope(PlanRequest request, IReadOnlyList<string> scope)
    {
        if (request.TargetKind != Providers.Compose.ComposeResources.Kind || request.State.Document is not { } document)
        {
            return scope;
        }

        return scope.Concat(document.Targets
            .Where(t => t.Value.Kind == Providers.Compose.ComposeResources.Kind && t.Value.Package == request.Package)
            .Select(t => t.Key)).Distinct(StringComparer.Ordinal);
    }

    public static string ReasonText(ChangeReason reason) => reason switch
    {
        ChangeReason.NotInState => "not in state",
        ChangeReason.Interrupted => "a previous operation was interrupted",
        ChangeReason.PreviouslyFailed => "the previous apply failed",
        ChangeReason.AttributesChanged => "attributes changed",
        ChangeReason.SecretRotated => "a secret was rotated",
        ChangeReason.ReplaceRequired => "a changed attribute forces replacement",
        ChangeReason.NotInConfiguration => "not in the configuration",
        ChangeReason.DriftMissing => "the live object is missing",
        ChangeReason.DriftModified => "the live object was modified",
        ChangeReason.DriftNotRunning => "the live object is not running",
        _ => string.Empty,
    };

    private static IEnumerable<Diagnostic> StateDiagnostics(PlanRequest request)
    {
        foreach (var diagnostic in request.State.Diagnostics)
        {
            yield return diagnostic;
        }

        var document = request.State.Document;
        if (File.Exists(StateLock.LockPathFor(request.State.Path)) && StateLock.ReadInfo(StateLock.LockPathFor(request.State.Path)) is { } holder)
        {
            yield return EngineDiagnostics.Info("AS5125", $"State is locked by {holder.Who ?? "an unknown holder"} ({holder.Operation ?? "unknown operation"}); this plan may become stale.");
        }

        if (document is null)
        {
            yield break;
        }

        if (request.Mode == PlanMode.Apply && document.Targets.TryGetValue(request.Target, out var target))
        {
            if (!string.Equals(target.Environment, request.Environment, StringComparison.Ordinal))
            {
                yield return EngineDiagnostics.Warning("AS5117",
                    $"Target \"{request.Target}\" was last applied with environment {target.Environment ?? "(none)"}; this plan uses {request.Environment ?? "(none)"}.");
            }

            if (target.Endpoint["host"] is JsonValue host && request.Endpoint["host"] is JsonValue current && host.GetValue<string>() != current.GetValue<string>())
            {
                yield return EngineDiagnostics.Warning("AS5105",
                    $"Target \"{request.Target}\" was applied on host {host.GetValue<string>()}, not on this host ({current.GetValue<string>()}).");
            }
        }

        if (request.DeclaredTargets is { } declared)
        {
            var orphans = document.Targets.Keys.Where(k => !declared.Contains(k, StringComparer.Ordinal)).ToList();
            if (orphans.Count > 0)
            {
                yield return EngineDiagnostics.Info("AS5123",
                    $"State holds target{(orphans.Count == 1 ? string.Empty : "s")} that the specification no longer declares: {string.Join(", ", orphans)}.",
                    $"Remove {(orphans.Count == 1 ? "it" : "them")} with Remove-AgentSpecDeployment -Target {orphans[0]}.");
            }
        }
    }
}
