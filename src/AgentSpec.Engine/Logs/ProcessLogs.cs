using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.Secrets;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Logs;

/// <summary>
/// Log records of a recorded <c>process</c> target (deployment spec §7.1, §10.3.13): its <c>runtime.log</c>, read
/// without disturbing the writer, redacted with the values of the secrets the process was started with; followed by
/// polling the file for complete new lines.
/// </summary>
public static class ProcessLogs
{
    public static async IAsyncEnumerable<LogRecord> ReadAsync(string name, TargetRecord target, LogContext context, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var process = target.Resources.FirstOrDefault(r => r.Type == ProcessResources.ProcessType)
            ?? throw TargetLogs.Unavailable(name, $"Target \"{name}\" has no process recorded; apply it first.");
        var logFile = process.Attributes["logFile"]?.GetValue<string>()
            ?? throw TargetLogs.Unavailable(process.Address, $"The state records no log file for \"{process.Address}\".");
        var path = Path.GetFullPath(logFile, context.StateFolder);
        if (!File.Exists(path))
        {
            throw TargetLogs.Unavailable(process.Address, $"The log file of \"{process.Address}\" ({logFile}) does not exist; the process has not written any log yet or its folder was removed.");
        }

        var redactor = RedactorFor(process.Attributes, context.Secrets);
        var reader = new LogFileReader(path);
        foreach (var record in context.Query.Select(reader.ReadNewLines().Select(line => RuntimeLogParser.Parse(line, process.Name, "stderr", redactor))))
        {
            yield return record;
        }

        while (context.Query.Follow)
        {
            await Task.Delay(context.PollInterval, cancellation).ConfigureAwait(false);
            foreach (var line in reader.ReadNewLines())
            {
                var record = RuntimeLogParser.Parse(line, process.Name, "stderr", redactor);
                if (context.Query.Keeps(record))
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>Registers the current values of the secrets bound to the process's environment (best effort).</summary>
    private static Redactor RedactorFor(JsonObject attributes, SecretResolver secrets)
    {
        var redactor = new Redactor();
        foreach (var (_, binding) in attributes["secretEnv"] as JsonObject ?? new JsonObject())
        {
            var secret = binding?["secret"]?.GetValue<string>();
            var source = binding?["source"]?.GetValue<string>();
            var key = binding?["key"]?.GetValue<string>();
            if (secret is null || source is null || key is null)
            {
                continue;
            }

            redactor.Register(secrets.Resolve(SecretReference.Create(secret, source, key)).Value);
        }

        return redactor;
    }

    /// <summary>Complete lines appended since the last read; a partial last line waits for its newline. A truncated file is read from the start.</summary>
    private sealed class LogFileReader(string path)
    {
        private long _offset;
        private byte[] _partial = [];

        public List<string> ReadNewLines()
        {
            var lines = new List<string>();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
            {
                (_offset, _partial) = (0, []);
            }

            stream.Seek(_offset, SeekOrigin.Begin);
            using var buffer = new MemoryStream();
            buffer.Write(_partial);
            stream.CopyTo(buffer);
            _offset = stream.Position;
            var bytes = buffer.ToArray();
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    var line = Encoding.UTF8.GetString(bytes, start, i - start).TrimEnd('\r');
                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    start = i + 1;
                }
            }

            _partial = bytes[start..];
            return lines;
        }
    }
}
