using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// Log records of a recorded <c>process</c> target (deployment spec §7.1, §10.3.13): its <c>runtime.log</c>, read
/// without disturbing the writer, redacted with the values of the secrets the process was started with.
/// </summary>
public static class ProcessLogs
{
    /// <summary>
    /// Reads the records of <paramref name="target"/>. Throws <c>StateNotFound</c>, <c>TargetNotInState</c> or
    /// <c>LogsUnavailable</c> (another target kind, nothing started yet, or the log file is gone).
    /// </summary>
    public static IReadOnlyList<LogRecord> Read(string statePath, string target, LogQuery query, SecretResolver secrets)
    {
        var state = StateStore.Read(statePath);
        if (state.Document is not { } document)
        {
            throw new AgentSpecException(ErrorIds.StateNotFound, AgentSpecErrorCategory.ObjectNotFound,
                $"No state file at \"{statePath}\": nothing has been deployed from here.", statePath)
            {
                RecommendedAction = "Pass -StatePath (or -Path) to select the state of the deployment.",
            };
        }

        var record = document.Targets.FirstOrDefault(t => string.Equals(t.Key, target, StringComparison.OrdinalIgnoreCase));
        if (record.Value is null)
        {
            var names = document.Targets.Keys.ToList();
            throw new AgentSpecException(ErrorIds.TargetNotInState, AgentSpecErrorCategory.ObjectNotFound,
                $"Target \"{target}\" is not recorded in \"{statePath}\"; recorded: {(names.Count == 0 ? "none" : string.Join(", ", names))}.", target);
        }

        if (record.Value.Kind != ProcessResources.Kind)
        {
            throw Unavailable(target, $"Logs of \"{record.Value.Kind}\" targets are not available in this preview; only process targets have them.");
        }

        var process = record.Value.Resources.FirstOrDefault(r => r.Type == ProcessResources.ProcessType)
            ?? throw Unavailable(target, $"Target \"{record.Key}\" has no process recorded; apply it first.");
        var logFile = process.Attributes["logFile"]?.GetValue<string>()
            ?? throw Unavailable(process.Address, $"The state records no log file for \"{process.Address}\".");
        var folder = Path.GetDirectoryName(state.Path) ?? ".";
        var path = Path.GetFullPath(logFile, folder);
        if (!File.Exists(path))
        {
            throw Unavailable(process.Address, $"The log file of \"{process.Address}\" ({logFile}) does not exist; the process has not written any log yet or its folder was removed.");
        }

        var redactor = RedactorFor(process.Attributes, secrets);
        var records = Filter(Lines(path).Select(line => RuntimeLogParser.Parse(line, process.Name, "stderr", redactor)), query);
        return query.Tail > 0 && records.Count > query.Tail ? records.GetRange(records.Count - query.Tail, query.Tail) : records;
    }

    private static List<LogRecord> Filter(IEnumerable<LogRecord> records, LogQuery query)
    {
        var kept = new List<LogRecord>();
        var previousKept = query.Since is null;
        foreach (var record in records)
        {
            var keep = query.Since is not { } since || (record.Time is { } time ? time >= since : previousKept);
            previousKept = keep;
            if (keep && (query.Agent is null || (record.Agent is { } agent && query.Agent(agent))))
            {
                kept.Add(record);
            }
        }

        return kept;
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>Registers the current values of the secrets bound to the process's environment (best effort).</summary>
    private static Redactor RedactorFor(JsonObject attributes, SecretResolver secrets)
    {
        var redactor = new Redactor();
        foreach (var (_, binding) in attributes["secretEnv"] as JsonObject ?? new JsonObject())
        {
            var name = binding?["secret"]?.GetValue<string>();
            var source = binding?["source"]?.GetValue<string>();
            var key = binding?["key"]?.GetValue<string>();
            if (name is null || source is null || key is null)
            {
                continue;
            }

            redactor.Register(secrets.Resolve(SecretReference.Create(name, source, key)).Value);
        }

        return redactor;
    }

    private static AgentSpecException Unavailable(string address, string message) =>
        new(ErrorIds.LogsUnavailable, AgentSpecErrorCategory.ResourceUnavailable, message, address);
}
