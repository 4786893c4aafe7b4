using AgentSpec.Engine.Apply;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Planning;

/// <summary>
/// The <c>-Refresh</c> read-back (deployment spec §3.5, §9.3): asks the provider for the live object of every applied
/// recorded resource in scope and keeps the ones that differ. Pending, tainted and failed entries are already planned
/// as replacements, so they are not read. A target that cannot be read is <c>TargetUnreachable</c>.
/// </summary>
public static class LiveDrift
{
    public static IReadOnlyDictionary<string, ResourceDrift> Read(ITargetProvider provider, IEnumerable<ResourceRecord> records, string stateFolder)
    {
        var drift = new Dictionary<string, ResourceDrift>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.Status == ResourceRecord.Applied))
        {
            var live = provider.ReadLive(record, stateFolder);
            if (live.Unreadable)
            {
                throw new AgentSpecException(ErrorIds.TargetUnreachable, AgentSpecErrorCategory.ConnectionError,
                    $"The live state of {record.Address} could not be read: {live.HealthDetail ?? live.Description}.", record.Address)
                {
                    RecommendedAction = "Check that the target is reachable, or plan without -Refresh (desired vs recorded state only).",
                };
            }

            if (Of(provider.Kind, record, live) is { } found)
            {
                drift[record.Address] = found;
            }
        }

        return drift;
    }

    /// <summary>The drift of one resource, or null when the live object matches the record.</summary>
    public static ResourceDrift? Of(string kind, ResourceRecord record, LiveResource live)
    {
        // Kubernetes workloads are not "not running" while a rollout is unavailable; the cluster restarts them itself.
        var notRunning = !live.Running && kind != Providers.Kubernetes.KubernetesResources.Kind;
        DriftKind? driftKind = !live.Exists ? DriftKind.Missing : notRunning ? DriftKind.NotRunning : live.Diffs.Count > 0 ? DriftKind.Modified : null;
        return driftKind is { } k
            ? new ResourceDrift { Address = record.Address, Type = record.Type, Kind = k, Diffs = live.Diffs, Detail = live.HealthDetail ?? live.Description }
            : null;
    }
}
