using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.State;

/// <summary>
/// Which history entry a restore rebuilds (deployment spec §9.2): <c>-Serial N</c>, or with <c>-Previous</c> the newest
/// successful apply/restore before the current one. Errors: <c>HistoryEntryNotFound</c>, <c>SnapshotMissing</c>.
/// </summary>
internal static class RestoreSource
{
    private const string Hint = "Re-apply the specification file of that version from version control instead (Invoke-AgentSpecApply).";

    public static HistoryRecord Find(StateDocument document, string target, long? serial, string statePath)
    {
        // A compose stack's operations are recorded under the deploy they were started with; any deploy of the stack finds them.
        var entries = document.History.Where(h => h.Target == target || h.Scope.Contains(target, StringComparer.Ordinal)).OrderByDescending(h => h.Serial).ToList();
        if (serial is { } wanted)
        {
            return entries.FirstOrDefault(h => h.Serial == wanted) ?? throw NotFound(
                $"Target \"{target}\" has no history entry with serial {wanted} in \"{statePath}\"; its serials: {Serials(entries)}.", wanted);
        }

        var deployments = entries.Where(IsDeployment).ToList();
        return deployments.Skip(1).FirstOrDefault(h => h.Outcome == "succeeded") ?? throw NotFound(
            $"Target \"{target}\" has no successful apply or restore before the current one in \"{statePath}\".", null);
    }

    public static JsonObject Snapshot(StateDocument document, HistoryRecord entry, string statePath)
    {
        if (!IsDeployment(entry))
        {
            throw Missing($"History entry {entry.Serial} of target \"{entry.Target}\" is a {entry.Operation}, which has no configuration to restore.", entry.Serial);
        }

        if (entry.Snapshot is null || !document.Snapshots.TryGetValue(entry.Snapshot, out var snapshot))
        {
            throw Missing(
                $"The snapshot of history entry {entry.Serial} of target \"{entry.Target}\" is no longer kept in \"{statePath}\" (only the newest {document.Settings.SnapshotLimit} are).",
                entry.Serial);
        }

        return snapshot;
    }

    private static bool IsDeployment(HistoryRecord entry) => entry.Operation is "apply" or "restore";

    private static string Serials(List<HistoryRecord> entries) =>
        entries.Count == 0 ? "none" : string.Join(", ", entries.Select(h => h.Serial.ToString(CultureInfo.InvariantCulture)).Reverse());

    private static AgentSpecException NotFound(string message, long? serial) =>
        new(ErrorIds.HistoryEntryNotFound, AgentSpecErrorCategory.ObjectNotFound, message, serial) { RecommendedAction = "List the history with Get-AgentSpecHistory. " + Hint };

    private static AgentSpecException Missing(string message, long serial) =>
        new(ErrorIds.SnapshotMissing, AgentSpecErrorCategory.ObjectNotFound, message, serial) { RecommendedAction = Hint };
}
