using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.State;

/// <summary>
/// The state lock (deployment spec §4.5): <c>&lt;state&gt;.lock</c> created exclusively, held open while the operation
/// runs, heartbeat every 15 s, stale locks (dead pid on this host, heartbeat older than 2 minutes, old formats) broken.
/// </summary>
public sealed class StateLock : IDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan StaleHeartbeat = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _stream;
    private readonly Timer _heartbeat;
    private readonly object _gate = new();
    private JsonObject _content;
    private bool _released;

    private StateLock(string path, FileStream stream, JsonObject content)
    {
        Path = path;
        _stream = stream;
        _content = content;
        Id = content["id"]?.GetValue<string>() ?? string.Empty;
        _heartbeat = new Timer(_ => Beat(), null, HeartbeatInterval, HeartbeatInterval);
    }

    public string Path { get; }

    public string Id { get; }

    public static string LockPathFor(string statePath) => System.IO.Path.GetFullPath(statePath) + ".lock";

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/>; <see cref="StateLockedException"/> when it stays busy.</summary>
    public static StateLock Acquire(string statePath, string operation, string target, TimeSpan timeout, Action<string> warn, CancellationToken cancellation)
    {
        var path = LockPathFor(statePath);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (TryCreate(path, operation, target) is { } acquired)
            {
                return acquired;
            }

            var holder = ReadInfo(path);
            if (holder is not null && IsStale(holder))
            {
                TryBreak(path, holder, warn);
                continue;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var info = holder ?? new StateLockInfo { Path = path };
                throw Locked(statePath, info);
            }

            Thread.Sleep(Poll);
        }
    }

    /// <summary>The current lock holder, or null when there is no (readable) lock file.</summary>
    public static StateLockInfo? ReadInfo(string lockPath)
    {
        try
        {
            using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            return Parse(text, lockPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static StateLockInfo Parse(string text, string lockPath)
    {
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // A half-written lock: treated as held by an unknown owner until its file is older than the stale bound.
        }

        json ??= new JsonObject();
        return new StateLockInfo
        {
            Id = Str(json, "id"),
            Operation = Str(json, "operation"),
            Target = Str(json, "target"),
            Who = Str(json, "who"),
            Hostname = Str(json, "hostname"),
            Pid = json["pid"] is JsonValue pid && pid.TryGetValue<int>(out var p) ? p : 0,
            ProcessStart = Time(json, "processStart"),
            Created = Time(json, "created") ?? SafeWriteTime(lockPath),
            Heartbeat = Time(json, "heartbeat"),
            ToolVersion = Str(json, "toolVersion"),
            Path = lockPath,
        };
    }

    /// <summary>Stale rules of §4.5: dead or reused pid on this host; heartbeat older than 2 minutes; old format older than 5 minutes.</summary>
    public static bool IsStale(StateLockInfo info)
    {
        var now = DateTimeOffset.UtcNow;
        if (string.Equals(info.Hostname, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && info.Pid > 0)
        {
            var start = ProcessStartTime(info.Pid);
            if (start is null)
            {
                return true;
            }

            if (info.ProcessStart is { } recorded && Math.Abs((start.Value - recorded).TotalSeconds) > 1)
            {
                return true;
            }
        }

        if (info.Id is null)
        {
            return info.Created is { } created && now - created > TimeSpan.FromMinutes(5);
        }

        return info.Heartbeat is { } beat && now - beat > StaleHeartbeat;
    }

    /// <summary>Deletes the lock file (Unlock-AgentSpecState); returns what was removed.</summary>
    public static StateLockInfo? Remove(string statePath, string? expectedId, bool force)
    {
        var path = LockPathFor(statePath);
        if (!File.Exists(path))
        {
            return null;
        }

        var info = ReadInfo(path) ?? new StateLockInfo { Path = path };
        if (!force && !string.Equals(info.Id, expectedId, StringComparison.OrdinalIgnoreCase))
        {
            throw new AgentSpecException(ErrorIds.LockIdMismatch, AgentSpecErrorCategory.InvalidArgument,
                $"The state lock has id {info.Id ?? "(none, older format)"}, not {expectedId}; nothing was removed.", info)
            {
                RecommendedAction = "Pass the lock id shown in the StateLocked error, or -Force.",
            };
        }

        File.Delete(path);
        return info;
    }

    /// <summary>The OS start time of a live process (UTC), or null when no such process runs.</summary>
    public static DateTimeOffset? ProcessStartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return null;
            }

            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
        }

        _heartbeat.Dispose();
        var ours = false;
        try
        {
            _stream.Position = 0;
            using var reader = new StreamReader(_stream, Encoding.UTF8, leaveOpen: true);
            ours = Parse(reader.ReadToEnd(), Path).Id == Id;
        }
        catch (IOException)
        {
            ours = true;
        }
        finally
        {
            _stream.Dispose();
        }

        if (ours)
        {
            try
            {
                File.Delete(Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left behind: the next operation judges it stale (this pid is gone by then).
            }
        }
    }

    private static StateLock? TryCreate(string path, string operation, string target)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        using var self = Process.GetCurrentProcess();
        var now = StateStore.Now();
        var content = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["operation"] = operation,
            ["target"] = target,
            ["who"] = $"{Environment.UserName}@{Environment.MachineName}",
            ["hostname"] = Environment.MachineName,
            ["pid"] = Environment.ProcessId,
            ["processStart"] = UtcTimeConverter.Text(self.StartTime.ToUniversalTime()),
            ["created"] = UtcTimeConverter.Text(now),
            ["heartbeat"] = UtcTimeConverter.Text(now),
            ["toolVersion"] = ToolVersion.Current,
        };
        WriteContent(stream, content);
        return new StateLock(path, stream, content);
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            try
            {
                _content = (JsonObject)_content.DeepClone();
                _content["heartbeat"] = UtcTimeConverter.Text(StateStore.Now());
                WriteContent(_stream, _content);
            }
            catch (IOException)
            {
                // A missed heartbeat only matters after two minutes; the next tick retries.
            }
        }
    }

    private static void WriteContent(FileStream stream, JsonObject content)
    {
        var bytes = new UTF8Encoding(false).GetBytes(Json.JsonFiles.Write(content));
        stream.Position = 0;
        stream.SetLength(0);
        stream.Write(bytes);
        stream.Flush(true);
    }

    private static void TryBreak(string path, StateLockInfo judged, Action<string> warn)
    {
        var renamed = path + ".stale-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        try
        {
            File.Move(path, renamed);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // Someone else broke or released it first; retry.
        }

        var moved = ReadInfo(renamed);
        if (moved is null || moved.Id != judged.Id || moved.Pid != judged.Pid)
        {
            try
            {
                File.Move(renamed, path);
            }
            catch (IOException)
            {
                File.Delete(renamed);
            }

            return;
        }

        File.Delete(renamed);
        warn(string.Format(CultureInfo.InvariantCulture, "Broke stale lock {0} held by {1} since {2}",
            judged.Id ?? "(older format)", judged.Who ?? judged.Hostname ?? "unknown", judged.Created is { } c ? UtcTimeConverter.Text(c) : "an unknown time"));
    }

    private static StateLockedException Locked(string statePath, StateLockInfo info)
    {
        var since = info.Created is { } created ? created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "an unknown time";
        var message = string.Format(CultureInfo.InvariantCulture,
            "State \"{0}\" is locked by {1} (pid {2}, operation {3} on {4}) since {5}, lock id {6}",
            System.IO.Path.GetFileName(statePath), info.Who ?? info.Hostname ?? "an unknown holder", info.Pid,
            info.Operation ?? "unknown", info.Target ?? "unknown", since, info.Id ?? "(none, older format)");
        return new StateLockedException(message, info)
        {
            RecommendedAction = info.Id is null
                ? "Unlock-AgentSpecState -Force once you are sure the holder is gone."
                : $"Unlock-AgentSpecState -LockId {info.Id} once you are sure the holder is gone.",
        };
    }

    private static string? Str(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateTimeOffset? Time(JsonObject json, string key) =>
        Str(json, key) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    private static DateTimeOffset? SafeWriteTime(string path)
    {
        try
        {
            return File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
