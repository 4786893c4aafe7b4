using System.Collections;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Apply;

/// <summary>
/// Executes a plan (deployment spec §6): dependency order with bounded parallelism, deletes last in reverse order,
/// write-ahead <c>pending</c> entries and a state write after every resource, health waits for workloads, deferred
/// failures, a history entry with the snapshot. State writes never observe cancellation.
/// </summary>
public sealed class Applier
{
    private readonly ApplyJob _job;
    private readonly object _stateGate = new();
    private readonly StateDocument _document;
    private readonly List<ApplyResult> _results = new();
    private int _completed;

    private Applier(ApplyJob job)
    {
        _job = job;
        _document = job.State.Document ?? StateStore.Create(job.Plan.Seal.SecretSalt ?? job.Salt, job.Legacy);
        if (job.Context.Lineage.Length == 0)
        {
            // A first apply creates the state here: providers label objects with its lineage.
            job.Context.Lineage = _document.Lineage;
        }
    }

    public static async Task<ApplyReport> RunAsync(ApplyJob job, string operation, CancellationToken cancellation)
    {
        var applier = new Applier(job);
        return await applier.ExecuteAsync(operation, cancellation).ConfigureAwait(false);
    }

    private Plan Plan => _job.Plan;

    private async Task<ApplyReport> ExecuteAsync(string operation, CancellationToken cancellation)
    {
        var started = StateStore.Now();
        var acting = Plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var statuses = new Dictionary<string, Task<ApplyStatus>>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(Math.Clamp(_job.Options.Parallelism, 1, 16));
        var upserts = acting.Where(c => c.Action != ChangeAction.Delete).ToList();
        var deletes = acting.Where(c => c.Action == ChangeAction.Delete).ToList();

        foreach (var change in ApplyOrder.Sort(upserts))
        {
            var dependencies = change.DependsOn.Where(statuses.ContainsKey).Select(a => statuses[a]).ToList();
            statuses[change.Address] = RunStepAsync(change, dependencies, slots, acting.Count, cancellation);
        }

        await Task.WhenAll(statuses.Values).ConfigureAwait(false);
        var deleteStatuses = new Dictionary<string, Task<ApplyStatus>>(StringComparer.Ordinal);
        foreach (var change in ApplyOrder.Sort(deletes).AsEnumerable().Reverse())
        {
            // A delete waits for the deletes of everything that depends on it.
            var dependents = deletes.Where(d => d.DependsOn.Contains(change.Address, StringComparer.Ordinal) && deleteStatuses.ContainsKey(d.Address))
                .Select(d => deleteStatuses[d.Address]).ToList();
            deleteStatuses[change.Address] = RunStepAsync(change, dependents, slots, acting.Count, cancellation, skipOnFailure: false);
        }

        await Task.WhenAll(deleteStatuses.Values).ConfigureAwait(false);
        return Finish(operation, started, cancellation.IsCancellationRequested);
    }

    private async Task<ApplyStatus> RunStepAsync(ResourceChange change, List<Task<ApplyStatus>> dependencies, SemaphoreSlim slots, int total, CancellationToken cancellation, bool skipOnFailure = true)
    {
        var statuses = await Task.WhenAll(dependencies).ConfigureAwait(false);
        if (cancellation.IsCancellationRequested)
        {
            return ApplyStatus.Cancelled;
        }

        if (skipOnFailure && statuses.Any(s => s != ApplyStatus.Succeeded))
        {
            Record(change, ApplyStatus.Skipped, HealthState.NotApplicable, DateTimeOffset.UtcNow, TimeSpan.Zero, "a dependency did not succeed", null, null, new JsonObject());
            return ApplyStatus.Skipped;
        }

        await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            return await StepAsync(change, total, cancellation).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<ApplyStatus> StepAsync(ResourceChange change, int total, CancellationToken cancellation)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var events = _job.Context.Events;
        events.Progress(_completed, total, change.Address, $"{change.Action.ToString().ToLowerInvariant()} {change.Type} \"{change.Name}\"");
        var previous = WriteAhead(change);
        var health = HealthState.NotApplicable;
        ProviderOutcome outcome;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(_job.Options.OperationTimeout);
            outcome = await ExecuteChangeAsync(change, previous, timeout.Token).ConfigureAwait(false);
            if (outcome.Succeeded && change.IsWorkload && change.Action != ChangeAction.Delete)
            {
                if (_job.Options.SkipHealthCheck)
                {
                    health = HealthState.NotChecked;
                }
                else
                {
                    events.Progress(_completed, total, change.Address, "waiting for health");
                    var wait = _job.Options.HealthTimeout
                        ?? (_job.Provider is IHealthTimeoutDefault defaults ? defaults.DefaultHealthTimeout(change) : TimeSpan.FromSeconds(60));
                    var result = await _job.Provider.WaitHealthyAsync(change, outcome.Observed, _job.Context, wait, cancellation).ConfigureAwait(false);
                    health = result.Healthy ? HealthState.Healthy : HealthState.Unhealthy;
                    if (!result.Healthy)
                    {
                        outcome = outcome with { Succeeded = false, Error = _job.Context.Redactor.Redact(result.Reason), ErrorId = ErrorIds.HealthCheckFailed };
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Taint(change);
            Record(change, ApplyStatus.Cancelled, health, startedAt, clock.Elapsed, "cancelled", null, null, new JsonObject());
            return ApplyStatus.Cancelled;
        }
        catch (OperationCanceledException)
        {
            outcome = ProviderOutcome.Fail($"the operation did not finish within {_job.Options.OperationTimeout}");
        }
        catch (AgentSpecException exception)
        {
            outcome = ProviderOutcome.Fail(_job.Context.Redactor.Redact(exception.Message), exception.ErrorId);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception or System.Net.Http.HttpRequestException)
        {
            outcome = ProviderOutcome.Fail(_job.Context.Redactor.Redact(exception.Message));
        }

        var serial = Complete(change, outcome);
        var status = outcome.Succeeded ? ApplyStatus.Succeeded : ApplyStatus.Failed;
        var errorId = outcome.Succeeded ? null : outcome.ErrorId ?? (change.Action == ChangeAction.Delete ? ErrorIds.ResourceDestroyFailed : ErrorIds.ResourceApplyFailed);
        Record(change, status, health, startedAt, clock.Elapsed, outcome.Message, outcome.Error, errorId, outcome.Observed, serial);
        Interlocked.Increment(ref _completed);
        events.Verbose(_job.Context.Redactor.Redact($"{change.Address}: {status}{(outcome.Error is null ? string.Empty : " — " + outcome.Error)}"));
        return status;
    }

    private async Task<ProviderOutcome> ExecuteChangeAsync(ResourceChange change, ResourceRecord? previous, CancellationToken cancellation)
    {
        var provider = _job.Provider;
        switch (change.Action)
        {
            case ChangeAction.Delete when change.Keep:
                return ProviderOutcome.Ok(new JsonObject(), $"{change.ReasonText}: removed from the state only");
            case ChangeAction.Delete:
                return previous is null
                    ? ProviderOutcome.Ok(new JsonObject(), "already absent")
                    : await provider.DestroyAsync(previous, _job.Context, cancellation).ConfigureAwait(false);
            case ChangeAction.Replace when previous is not null:
                var destroyed = await provider.DestroyAsync(previous, _job.Context, cancellation).ConfigureAwait(false);
                if (!destroyed.Succeeded)
                {
                    return destroyed;
                }

                return await provider.ApplyAsync(change, _job.Context, cancellation).ConfigureAwait(false);
            default:
                return await provider.ApplyAsync(change, _job.Context, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Write-ahead (§4.3 step 5): the entry becomes pending before the provider call. Returns a copy of the previous entry.</summary>
    private ResourceRecord? WriteAhead(ResourceChange change)
    {
        lock (_stateGate)
        {
            var target = TargetFor(change);
            var existing = target.Find(change.Address);
            var previous = existing is null ? null : Clone(existing);
            var record = existing ?? new ResourceRecord
            {
                Address = change.Address,
                Type = change.Type,
                Name = change.Name,
                Scope = change.Scope,
                DependsOn = change.DependsOn.ToList(),
                Attributes = Completed(change),
                SensitivePaths = change.SensitivePaths.ToList(),
            };
            record.Status = ResourceRecord.Pending;
            record.PendingAction = PlanActionName(change.Action);
            record.Hash = change.Action == ChangeAction.Delete ? record.Hash : CanonicalJson.Hash(Completed(change));
            target.Upsert(record);
            StateStore.Write(_job.StatePath, _document);
            return previous;
        }
    }

    private long Complete(ResourceChange change, ProviderOutcome outcome)
    {
        lock (_stateGate)
        {
            var target = TargetFor(change);
            if (change.Action == ChangeAction.Delete && outcome.Succeeded)
            {
                target.Resources.RemoveAll(r => r.Address == change.Address);
            }
            else
            {
                var record = target.Find(change.Address) ?? new ResourceRecord { Address = change.Address };
                if (outcome.Succeeded)
                {
                    var attributes = Completed(change);
                    record.Type = change.Type;
                    record.Name = change.Name;
                    record.Scope = change.Scope;
                    record.DependsOn = change.DependsOn.ToList();
                    record.Attributes = attributes;
                    record.SensitivePaths = change.SensitivePaths.ToList();
                    record.Hash = CanonicalJson.Hash(attributes);
                    record.Observed = Json.JsonFiles.SortedObject(outcome.Observed);
                    record.LastApplied = StateStore.Now();
                    record.Status = ResourceRecord.Applied;
                    record.Error = null;
                }
                else
                {
                    if (change.Action != ChangeAction.Delete)
                    {
                        record.Attributes = Completed(change);
                        record.Hash = CanonicalJson.Hash(record.Attributes);
                        record.Observed = Json.JsonFiles.SortedObject(outcome.Observed);
                    }

                    record.Status = ResourceRecord.Failed;
                    record.Error = _job.Context.Redactor.RedactOrNull(outcome.Error);
                }

                record.PendingAction = null;
                target.Upsert(record);
            }

            StateStore.Write(_job.StatePath, _document);
            return _document.Serial;
        }
    }

    private void Taint(ResourceChange change)
    {
        lock (_stateGate)
        {
            var target = TargetFor(change);
            if (target.Find(change.Address) is { } record)
            {
                record.Status = ResourceRecord.Tainted;
                target.Upsert(record);
            }

            StateStore.Write(_job.StatePath, _document);
        }
    }

    /// <summary>The planned attributes with fingerprints that were unknown at plan time filled in from the resolved values.</summary>
    private JsonObject Completed(ResourceChange change)
    {
        var attributes = (JsonObject)(change.After?.DeepClone() ?? new JsonObject());
        if (attributes["secretEnv"] is JsonObject secretEnv)
        {
            foreach (var binding in change.SecretBindings.Where(b => b.Fingerprint is null))
            {
                if (secretEnv[binding.Env] is JsonObject entry && _job.Context.SecretValues.TryGetValue(binding.Secret, out var value))
                {
                    entry["fingerprint"] = SecretFingerprint.Compute(_document.SaltBytes(), binding.Secret, value);
                }
            }
        }

        return Json.JsonFiles.SortedObject(attributes);
    }

    private TargetRecord TargetFor(ResourceChange change)
    {
        var name = string.IsNullOrEmpty(change.Target) ? Plan.Target : change.Target;
        if (!_document.Targets.TryGetValue(name, out var target))
        {
            target = new TargetRecord
            {
                Kind = Plan.TargetKind,
                Package = Plan.Package,
                PackageVersion = Plan.PackageVersion,
                Environment = Plan.Environment,
                Scope = Plan.Scope.ToList(),
                Stack = StackOf(Plan),
                Endpoint = (JsonObject)Plan.Endpoint.DeepClone(),
            };
            _document.Targets[name] = target;
        }

        return target;
    }

    private void Record(ResourceChange change, ApplyStatus status, HealthState health, DateTimeOffset startedAt, TimeSpan duration, string? message, string? error, string? errorId, JsonObject observed, long serial = 0)
    {
        var table = new Hashtable();
        foreach (var (key, value) in observed)
        {
            table[key] = value is JsonValue v ? v.ToString() : value?.ToJsonString();
        }

        var result = new ApplyResult
        {
            Address = change.Address,
            Target = change.Target,
            Type = change.Type,
            Name = change.Name,
            Action = change.Action,
            Status = status,
            Health = health,
            Message = _job.Context.Redactor.RedactOrNull(message),
            Error = _job.Context.Redactor.RedactOrNull(error),
            ErrorId = errorId,
            StartedAt = startedAt,
            Duration = duration,
            Observed = table,
            StateSerial = serial == 0 ? _document.Serial : serial,
        };
        lock (_results)
        {
            _results.Add(result);
        }

        _job.Context.Events.Completed(result);
    }

    private ApplyReport Finish(string operation, DateTimeOffset startedAt, bool cancelled)
    {
        lock (_stateGate)
        {
            var results = _results.ToList();
            var failed = results.Count(r => r.Status == ApplyStatus.Failed);
            var succeeded = results.Count(r => r.Status == ApplyStatus.Succeeded);
            var outcome = cancelled ? "cancelled" : failed == 0 ? "succeeded" : succeeded == 0 ? "failed" : "partial";
            var serial = _document.Serial + 1;
            var scope = Plan.Scope.Count > 0 ? Plan.Scope : [Plan.Target];
            foreach (var name in scope.Concat(Plan.Changes.Select(c => c.Target)).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList())
            {
                if (!_document.Targets.TryGetValue(name, out var target))
                {
                    continue;
                }

                if (target.Resources.Count == 0)
                {
                    _document.Targets.Remove(name);
                    continue;
                }

                if (!scope.Contains(name, StringComparer.Ordinal))
                {
                    // A deploy removed from a compose stack whose deletion did not finish: kept as it was recorded.
                    continue;
                }

                if (operation != "destroy")
                {
                    target.Environment = Plan.Environment;
                    target.Package = Plan.Package;
                    target.PackageVersion = Plan.PackageVersion;
                    target.SpecHash = Plan.SpecHash;
                    target.Endpoint = (JsonObject)Plan.Endpoint.DeepClone();
                    target.Scope = Plan.Scope.ToList();
                    target.Stack = StackOf(Plan);
                }

                target.LastSerial = serial;
                target.LastApplied = StateStore.Now();
            }

            string? snapshotKey = null;
            if (operation != "destroy" && Plan.Snapshot is not null && Plan.SpecHash is not null)
            {
                snapshotKey = Plan.SpecHash;
                _document.Snapshots[snapshotKey] = (JsonObject)Plan.Snapshot.DeepClone();
            }

            _document.History.Add(new HistoryRecord
            {
                Serial = serial,
                Target = Plan.Target,
                Scope = Plan.Scope.ToList(),
                Operation = operation,
                Outcome = outcome,
                StartedAt = startedAt,
                FinishedAt = StateStore.Now(),
                User = Environment.UserName,
                Host = Environment.MachineName,
                CiRun = CiRun(),
                ToolVersion = ToolVersion.Current,
                Package = Plan.Package,
                PackageVersion = Plan.PackageVersion,
                Environment = Plan.Environment,
                SpecHash = Plan.SpecHash,
                PlanId = Plan.PlanId,
                RestoredFrom = Plan.RestoredFrom,
                Summary = new HistorySummary
                {
                    Add = results.Count(r => r.Status == ApplyStatus.Succeeded && r.Action is ChangeAction.Create or ChangeAction.Replace),
                    Change = results.Count(r => r.Status == ApplyStatus.Succeeded && r.Action == ChangeAction.Update),
                    Destroy = results.Count(r => r.Status == ApplyStatus.Succeeded && r.Action is ChangeAction.Delete or ChangeAction.Replace),
                    Failed = failed,
                },
                Snapshot = snapshotKey,
            });
            HistoryPruner.Prune(_document);
            StateStore.Write(_job.StatePath, _document);
            return new ApplyReport { Results = results, Serial = _document.Serial, Outcome = outcome };
        }
    }

    /// <summary>The compose project of a docker-compose plan (deployment spec §4.2 <c>stack</c>), else null.</summary>
    private static string? StackOf(Plan plan) =>
        plan.TargetKind == Providers.Compose.ComposeResources.Kind
            ? plan.Changes.FirstOrDefault(c => c.Type == Providers.Compose.ComposeResources.ServiceType && c.Scope is not null)?.Scope
            : null;

    private static string? CiRun()
    {
        if (Environment.GetEnvironmentVariable("GITHUB_RUN_ID") is { Length: > 0 } github)
        {
            return "github:" + github;
        }

        return Environment.GetEnvironmentVariable("BUILD_BUILDID") is { Length: > 0 } azdo ? "azdo:" + azdo : null;
    }

    private static string PlanActionName(ChangeAction action) => action.ToString().ToLowerInvariant();

    private static ResourceRecord Clone(ResourceRecord record) => new()
    {
        Address = record.Address,
        Type = record.Type,
        Name = record.Name,
        Scope = record.Scope,
        Status = record.Status,
        PendingAction = record.PendingAction,
        Hash = record.Hash,
        DependsOn = record.DependsOn.ToList(),
        Attributes = (JsonObject)record.Attributes.DeepClone(),
        SensitivePaths = record.SensitivePaths.ToList(),
        Observed = (JsonObject)record.Observed.DeepClone(),
        LastApplied = record.LastApplied,
        Error = record.Error,
    };
}
