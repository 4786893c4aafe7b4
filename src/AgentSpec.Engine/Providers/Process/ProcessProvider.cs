using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AgentSpec.Engine.Apply;
using AgentSpec.Engine.Desired;
using AgentSpec.Engine.State;

namespace AgentSpec.Engine.Providers.Process;

/// <summary>
/// The <c>process</c> target (deployment spec §7.1): writes <c>config.json</c> and starts the runtime detached on this
/// host, waits for its health endpoint, and stops it gracefully (stop file, SIGTERM) then forcibly.
/// </summary>
public sealed class ProcessProvider : ITargetProvider
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public string Kind => ProcessResources.Kind;

    /// <summary>Written beside the runtime when it starts: <c>{pid, startedAt, logFile}</c>.</summary>
    public const string PidFileName = "runtime.pid";

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public JsonObject CurrentEndpoint() => new() { ["host"] = Environment.MachineName };

    public void Connect()
    {
        if (RuntimeLocator.Find() is null)
        {
            throw RuntimeLocator.NotFound();
        }
    }

    public Task<ProviderOutcome> ApplyAsync(ResourceChange change, ApplyContext context, CancellationToken cancellation) =>
        change.Type switch
        {
            ProcessResources.ConfigFileType => Task.FromResult(WriteConfig(change, context)),
            ProcessResources.ProcessType => Task.FromResult(Start(change, context)),
            _ => Task.FromResult(ProviderOutcome.Fail($"unknown process resource type {change.Type}")),
        };

    public async Task<ProviderOutcome> DestroyAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        if (record.Type == ProcessResources.ConfigFileType)
        {
            var path = InsideWorkingArea(context.StateFolder, record.Attributes["path"]?.GetValue<string>());
            if (path is null)
            {
                return ProviderOutcome.Fail($"refusing to delete \"{record.Attributes["path"]}\": it is not inside .agentspec/", ErrorIds.ResourceDestroyFailed);
            }

            if (!File.Exists(path))
            {
                return ProviderOutcome.Ok(new JsonObject(), "already absent");
            }

            File.Delete(path);
            return ProviderOutcome.Ok(new JsonObject(), "deleted");
        }

        return await StopAsync(record, context, cancellation).ConfigureAwait(false);
    }

    public async Task<HealthOutcome> WaitHealthyAsync(ResourceChange change, JsonObject observed, ApplyContext context, TimeSpan timeout, CancellationToken cancellation)
    {
        var attributes = change.After ?? new JsonObject();
        var port = attributes["port"]?.GetValue<long>() ?? 8080;
        var path = attributes["health"]?["path"]?.GetValue<string>() ?? "/healthz";
        var probeTimeout = attributes["health"]?["timeout"]?.GetValue<string>() is { } text && Duration.TryParse(text) is { } d ? d.Value : TimeSpan.FromSeconds(5);
        var pid = observed["pid"]?.GetValue<int>() ?? 0;
        var logFile = Path.Combine(context.StateFolder, attributes["logFile"]?.GetValue<string>() ?? string.Empty);
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");
        var clock = Stopwatch.StartNew();
        var reason = "no probe answered yet";
        while (clock.Elapsed < timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            if (pid > 0 && StateLock.ProcessStartTime(pid) is null)
            {
                return new HealthOutcome(false, context.Redactor.Redact($"the runtime (pid {pid}) exited before it became healthy; last lines of {attributes["logFile"]}:\n{Tail(logFile, 20)}"), clock.Elapsed);
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                probe.CancelAfter(probeTimeout);
                using var response = await Http.GetAsync(url, probe.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    context.Events.Verbose($"{change.Address}: {url} answered 200 after {clock.Elapsed.TotalSeconds:0.0} s");
                    return new HealthOutcome(true, "healthy", clock.Elapsed);
                }

                reason = $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException exception)
            {
                reason = $"GET {url} failed: {exception.Message}";
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                reason = $"GET {url} timed out after {probeTimeout.TotalSeconds:0.#} s";
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
        }

        return new HealthOutcome(false, context.Redactor.Redact($"not healthy within {timeout.TotalSeconds:0} s: {reason}"), clock.Elapsed);
    }

    public IAsyncEnumerable<LogRecord> LogsAsync(string name, TargetRecord target, Logs.LogContext context, CancellationToken cancellation) =>
        Logs.ProcessLogs.ReadAsync(name, target, context, cancellation);

    public LiveResource ReadLive(ResourceRecord record, string stateFolder)
    {
        if (record.Type == ProcessResources.ConfigFileType)
        {
            return ReadConfigFile(record, stateFolder);
        }

        if (!IsOurProcess(record, out var pid))
        {
            // A recorded process slot whose process is gone (or is another process now) is NotRunning, never Missing (§7.1).
            return new LiveResource(true, false, pid > 0 ? $"not running (pid {pid} gone)" : "not running", DeploymentHealth.NotRunning, "the runtime process is not running");
        }

        var port = record.Attributes["port"]?.GetValue<long>() ?? 8080;
        var path2 = record.Attributes["health"]?["path"]?.GetValue<string>() ?? "/healthz";
        try
        {
            using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = Http.GetAsync(new Uri($"http://127.0.0.1:{port}{path2}"), probe.Token).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK
                ? new LiveResource(true, true, $"running (pid {pid})", DeploymentHealth.Healthy, $"GET {path2} answered 200")
                : new LiveResource(true, true, $"running (pid {pid})", DeploymentHealth.Unhealthy, $"GET {path2} answered {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return new LiveResource(true, true, $"running (pid {pid})", DeploymentHealth.Unhealthy, $"GET {path2} failed: {exception.Message}");
        }
    }

    /// <summary>The configuration file on disk: missing, or Modified when its JSON hashes differently from the recorded content.</summary>
    private static LiveResource ReadConfigFile(ResourceRecord record, string stateFolder)
    {
        var path = Path.Combine(stateFolder, record.Attributes["path"]?.GetValue<string>() ?? string.Empty);
        if (!File.Exists(path))
        {
            return new LiveResource(false, false, "missing");
        }

        var recorded = CanonicalJson.Hash(record.Attributes["content"]?.DeepClone());
        string live;
        try
        {
            live = CanonicalJson.Hash(JsonNode.Parse(File.ReadAllText(path)));
        }
        catch (System.Text.Json.JsonException)
        {
            live = "(not valid JSON)";
        }

        if (live == recorded)
        {
            return new LiveResource(true, true, "present");
        }

        var diff = new PropertyDiff { Path = "content", Kind = PropertyDiffKind.Modified, Before = JsonValue.Create(recorded), After = JsonValue.Create(live) };
        return new LiveResource(true, true, "modified: content") { Diffs = [diff] };
    }

    private static ProviderOutcome WriteConfig(ResourceChange change, ApplyContext context)
    {
        var attributes = change.After ?? new JsonObject();
        var path = InsideWorkingArea(context.StateFolder, attributes["path"]?.GetValue<string>());
        if (path is null)
        {
            return ProviderOutcome.Fail($"the configuration path \"{attributes["path"]}\" is not inside .agentspec/");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? context.StateFolder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Json.JsonFiles.Write(attributes["content"]), new System.Text.UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return ProviderOutcome.Ok(new JsonObject(), $"wrote {attributes["path"]}");
    }

    private static ProviderOutcome Start(ResourceChange change, ApplyContext context)
    {
        var attributes = change.After ?? new JsonObject();
        var runtime = RuntimeLocator.Find() ?? throw RuntimeLocator.NotFound();
        var folder = Path.Combine(context.StateFolder, attributes["workingDirectory"]?.GetValue<string>() ?? ".agentspec/process");
        Directory.CreateDirectory(folder);
        var bindHost = attributes["bindHost"]?.GetValue<string>() ?? "127.0.0.1";
        var port = (int)(attributes["port"]?.GetValue<long>() ?? 8080);
        if (!PortFree(bindHost, port))
        {
            return ProviderOutcome.Fail($"PortInUse: port {port} on {bindHost} is already in use; stop what listens there or change the deploy's port");
        }

        var stopFile = Path.Combine(folder, "stop");
        if (File.Exists(stopFile))
        {
            File.Delete(stopFile);
        }

        var arguments = (attributes["arguments"] as JsonArray ?? new JsonArray()).Select(a => a?.GetValue<string>() ?? string.Empty).ToList();
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(runtime) { CreateNoWindow = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            // exec keeps the pid; the runtime's --detached moves it to a new session so it outlives this PowerShell.
            start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >>runtime.log 2>&1");
            start.ArgumentList.Add(runtime);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.WorkingDirectory = folder;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AGENTSPEC_SECRET_", StringComparison.Ordinal) || k == "AGENTSPEC_SECRETS_FILE").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in attributes["env"] as JsonObject ?? new JsonObject())
        {
            start.Environment[name] = value?.GetValue<string>() ?? string.Empty;
        }

        foreach (var binding in change.SecretBindings)
        {
            if (!context.SecretValues.TryGetValue(binding.Secret, out var value))
            {
                return ProviderOutcome.Fail($"secret \"{binding.Secret}\" for {binding.Env} was not resolved", ErrorIds.SecretUnresolvable);
            }

            start.Environment[binding.Env] = value;
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("the runtime process did not start");
        var startedAt = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        var observed = new JsonObject
        {
            ["logFile"] = attributes["logFile"]?.GetValue<string>(),
            ["pid"] = process.Id,
            ["startedAt"] = UtcTimeConverter.Text(startedAt),
        };

        // The state learns the pid only when the step completes (after the health wait); the pid file lets a later
        // replace or destroy find a runtime whose apply was killed before that (§4.3: never lose an object that may exist).
        File.WriteAllText(Path.Combine(folder, PidFileName), observed.ToJsonString());
        context.Events.Verbose($"{change.Address}: started {Path.GetFileName(runtime)} (pid {process.Id}) on {bindHost}:{port}");
        return ProviderOutcome.Ok(observed, $"started (pid {process.Id})");
    }

    /// <summary>
    /// The record to stop: the recorded one when its process is ours, else (an apply interrupted before it recorded the
    /// pid) the runtime named by the working folder's pid file, after the same identity checks.
    /// </summary>
    private static ResourceRecord? RunningRecordOf(ResourceRecord record, string folder)
    {
        if (IsOurProcess(record, out _))
        {
            return record;
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(Path.Combine(folder, PidFileName))) is JsonObject observed)
            {
                var candidate = new ResourceRecord { Address = record.Address, Type = record.Type, Observed = observed };
                return IsOurProcess(candidate, out _) ? candidate : null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // No pid file (never started here, or already stopped): nothing to stop.
        }

        return null;
    }

    private async Task<ProviderOutcome> StopAsync(ResourceRecord record, ApplyContext context, CancellationToken cancellation)
    {
        var folder = Path.Combine(context.StateFolder, record.Attributes["workingDirectory"]?.GetValue<string>() ?? ".agentspec/process");
        if (RunningRecordOf(record, folder) is not { } running || !IsOurProcess(running, out var pid))
        {
            TryDelete(Path.Combine(folder, PidFileName));
            return ProviderOutcome.Ok(new JsonObject(), "already absent");
        }

        if (!ReferenceEquals(running, record))
        {
            context.Events.Verbose($"{record.Address}: stopping the runtime (pid {pid}) of an interrupted apply, found through its pid file");
        }
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "stop"), "stop\n", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Events.Verbose($"{record.Address}: cannot write the stop file ({exception.Message}); signalling instead");
        }

        if (!OperatingSystem.IsWindows())
        {
            Signal(pid, "TERM");
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StopTimeout && StateLock.ProcessStartTime(pid) is not null)
        {
            await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
        }

        if (StateLock.ProcessStartTime(pid) is not null)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone between the check and the kill.
            }

            context.Events.Warning($"{record.Address}: the runtime (pid {pid}) did not stop within {StopTimeout.TotalSeconds:0} s and was killed");
        }

        TryDelete(Path.Combine(folder, "stop"));
        TryDelete(Path.Combine(folder, PidFileName));
        return ProviderOutcome.Ok(new JsonObject(), $"stopped (pid {pid})");
    }

    /// <summary>The identity checks of §7.1: the pid is alive, started when recorded (±1 s) and runs an executable named agentspec.</summary>
    internal static bool IsOurProcess(ResourceRecord record, out int pid)
    {
        pid = record.Observed["pid"] is JsonValue p && p.TryGetValue<int>(out var value) ? value : 0;
        if (pid <= 0 || StateLock.ProcessStartTime(pid) is not { } start)
        {
            return false;
        }

        if (record.Observed["startedAt"]?.GetValue<string>() is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var recorded)
            && Math.Abs((start - recorded).TotalSeconds) > 1)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return string.Equals(process.ProcessName, "agentspec", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        try
        {
            var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-" + signal);
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
            using var kill = System.Diagnostics.Process.Start(start);
            kill?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill command: the stop file and the forced kill still apply.
        }
    }

    private static bool PortFree(string host, int port)
    {
        try
        {
            var address = IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Loopback;
            using var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? InsideWorkingArea(string stateFolder, string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return null;
        }

        var area = Path.GetFullPath(Path.Combine(stateFolder, ".agentspec")) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(stateFolder, relative));
        return full.StartsWith(area, StringComparison.Ordinal) ? full : null;
    }

    internal static string Tail(string path, int lines)
    {
        try
        {
            return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log file)";
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover stop file is removed before the next start.
        }
    }
}
