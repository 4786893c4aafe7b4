using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Apply;

/// <summary>Keeps the newest <c>historyLimit</c> entries and <c>snapshotLimit</c> snapshots per target (deployment spec §4.2).</summary>
internal static class HistoryPruner
{
    public static void Prune(StateDocument document)
    {
        var keep = new List<HistoryRecord>();
        foreach (var group in document.History.GroupBy(h => h.Target, StringComparer.Ordinal))
        {
            var newest = group.OrderByDescending(h => h.Serial).Take(Math.Max(1, document.Settings.HistoryLimit)).ToList();
            var withSnapshots = newest.Where(h => h.Snapshot is not null).ToList();
            foreach (var old in withSnapshots.Skip(Math.Max(1, document.Settings.SnapshotLimit)))
            {
                old.Snapshot = null;
            }

            keep.AddRange(newest);
        }

        document.History = keep.OrderBy(h => h.Serial).ToList();
        var referenced = document.History.Select(h => h.Snapshot).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var key in document.Snapshots.Keys.Where(k => !referenced.Contains(k)).ToList())
        {
            document.Snapshots.Remove(key);
        }
    }
}
