using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Benchmarks;

/// <summary>Runs B1–B4 of runtime.md §8 against the runtime and the hello app and reports them side by side.</summary>
public sealed class BenchmarkRunner
{
    private readonly string _runtime;
    private readonly string _hello;
    private readonly int _runs;
    private readonly TimeSpan _duration;
    private readonly TimeSpan _idle;
    private readonly string _work;
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };

    private readonly int _sessions;
    private readonly int _streams;

    public BenchmarkRunner(string runtime, string hello, int runs, TimeSpan duration, TimeSpan idle, int sessions, int streams)
    {
        _sessions = sessions;
        _streams = streams;
        _runtime = runtime;
        _hello = hello;
        _runs = runs;
        _duration = duration;
        _idle = idle;
        _work = Directory.CreateTempSubdirectory("agentspec-bench-").FullName;
    }

    public async Task<JsonObject> RunAsync(TextWriter progress)
    {
        var report = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["memory_bytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            },
            ["runtime_executable"] = _runtime,
            ["runtime_version"] = await VersionAsync(),
            ["commit"] = Commit(),
        };
        var ten = Config(10, withTools: true);
        progress.WriteLine("B1 cold start ...");
        var coldRuntime = await ColdStartAsync(() => StartRuntime(ten, Target.FreePort()));
        var coldHello = await ColdStartAsync(() => StartHello(Target.FreePort()));
        progress.WriteLine("B2 idle RSS ...");
        var rssRuntime1 = await IdleRssAsync(() => StartRuntime(Config(1, false), Target.FreePort()));
        var rssRuntime20 = await IdleRssAsync(() => StartRuntime(Config(20, false), Target.FreePort()));
        var rssHello = await IdleRssAsync(() => StartHello(Target.FreePort()));
        progress.WriteLine("B3 /healthz throughput ...");
        var rpsRuntime = await ThroughputAsync(() => StartRuntime(ten, Target.FreePort()));
        var rpsHello = await ThroughputAsync(() => StartHello(Target.FreePort()));
        progress.WriteLine("B4 invoke overhead ...");
        var overhead = await InvokeOverheadAsync();
        report["B1_cold_start_ms"] = new JsonObject { ["runtime"] = coldRuntime, ["hello"] = coldHello, ["ratio_p50"] = Ratio(coldRuntime, coldHello, "p50") };
        report["B2_idle_rss_mib"] = new JsonObject { ["runtime_1_agent"] = rssRuntime1, ["runtime_20_agents"] = rssRuntime20, ["hello"] = rssHello,
            ["ratio_1_agent"] = Math.Round(rssRuntime1 / rssHello, 2) };
        report["B3_healthz"] = new JsonObject { ["runtime"] = rpsRuntime, ["hello"] = rpsHello, ["ratio_rps"] = Ratio(rpsRuntime, rpsHello, "rps") };
        report["B4_invoke"] = overhead;
        var more = new MemoryAndStreamingBenchmarks((config, port, env) => StartRuntime(config, port, env), Write, _client);
        progress.WriteLine("B5 memory per session ...");
        report["B5_sessions"] = await more.SessionsAsync(_sessions, 10);
        progress.WriteLine("B6 memory per in-flight stream ...");
        report["B6_streams"] = await more.StreamsAsync(_streams);
        progress.WriteLine("B7 streaming latency ...");
        report["B7_streaming"] = await more.StreamingLatencyAsync(500);
        return report;
    }

    public static string Summary(JsonObject r)
    {
        string F(JsonNode? n) => n is null ? "-" : Convert.ToString(n.GetValue<double>(), CultureInfo.InvariantCulture) ?? "-";
        var sb = new StringBuilder();
        sb.AppendLine("| Measure | agentspec runtime | minimal Kestrel app | ratio | target |");
        sb.AppendLine("|---|---|---|---|---|");
        sb.AppendLine($"| B1 cold start to first 200, p50 / p95 (ms) | {F(r["B1_cold_start_ms"]!["runtime"]!["p50"])} / {F(r["B1_cold_start_ms"]!["runtime"]!["p95"])} | {F(r["B1_cold_start_ms"]!["hello"]!["p50"])} / {F(r["B1_cold_start_ms"]!["hello"]!["p95"])} | {F(r["B1_cold_start_ms"]!["ratio_p50"])} | ≤ 1.5× |");
        sb.AppendLine($"| B2 idle RSS, 1 agent (MiB) | {F(r["B2_idle_rss_mib"]!["runtime_1_agent"])} | {F(r["B2_idle_rss_mib"]!["hello"])} | {F(r["B2_idle_rss_mib"]!["ratio_1_agent"])} | ≤ 1.3× |");
        sb.AppendLine($"| B2 idle RSS, 20 agents (MiB) | {F(r["B2_idle_rss_mib"]!["runtime_20_agents"])} | | | ≤ 100 MiB |");
        sb.AppendLine($"| B3 /healthz req/s (32 connections) | {F(r["B3_healthz"]!["runtime"]!["rps"])} | {F(r["B3_healthz"]!["hello"]!["rps"])} | {F(r["B3_healthz"]!["ratio_rps"])} | ≥ 0.8× |");
        sb.AppendLine($"| B3 /healthz p99 (ms) | {F(r["B3_healthz"]!["runtime"]!["p99_ms"])} | {F(r["B3_healthz"]!["hello"]!["p99_ms"])} | | ≤ 5 ms |");
        sb.AppendLine($"| B4 mock/echo invoke p50 / p99 (ms) | {F(r["B4_invoke"]!["echo_p50_ms"])} / {F(r["B4_invoke"]!["echo_p99_ms"])} | GET p50 {F(r["B4_invoke"]!["hello_get_p50_ms"])} | overhead p50 {F(r["B4_invoke"]!["echo_overhead_p50_ms"])} ms | < 1 ms |");
        sb.AppendLine($"| B4 scripted delay 50 ms, overhead p50 / p99 at 1 (ms) | {F(r["B4_invoke"]!["scripted_overhead_p50_ms"])} / {F(r["B4_invoke"]!["scripted_overhead_p99_ms"])} | | | ≤ 1 / ≤ 5 ms |");
        sb.AppendLine($"| B4 scripted delay 50 ms, overhead p99 at 32 (ms) | {F(r["B4_invoke"]!["scripted_overhead_p99_ms_at_32"])} | | | ≤ 10 ms |");
        sb.AppendLine($"| B5 memory per session ({r["B5_sessions"]!["sessions"]} × 10 exchanges, KiB) | {F(r["B5_sessions"]!["kib_per_session"])} | | | ≤ 32 KiB |");
        sb.AppendLine($"| B6 memory per in-flight stream ({r["B6_streams"]!["streams"]} streams, KiB) | {F(r["B6_streams"]!["kib_per_stream"])} | | | ≤ 100 KiB |");
        sb.AppendLine($"| B7 first text event p50 / p99 (ms) | {F(r["B7_streaming"]!["first_text_p50_ms"])} / {F(r["B7_streaming"]!["first_text_p99_ms"])} | | | p99 ≤ 5 ms |");
        return sb.ToString();
    }

    private static double Ratio(JsonObject a, JsonObject b, string key) => Math.Round(a[key]!.GetValue<double>() / b[key]!.GetValue<double>(), 2);

    private async Task<JsonObject> ColdStartAsync(Func<Target> start)
    {
        var samples = new List<double>();
        for (var i = 0; i < _runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var target = start();
            var elapsed = await target.WaitHealthyAsync(_client, watch, TimeSpan.FromSeconds(30));
            samples.Add(Math.Round(elapsed.TotalMilliseconds, 1));
        }
        return new JsonObject { ["p50"] = Stats.Percentile(samples, 50), ["p95"] = Stats.Percentile(samples, 95) };
    }

    private async Task<double> IdleRssAsync(Func<Target> start)
    {
        using var target = start();
        await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        await Task.Delay(_idle);
        return Math.Round(target.ResidentBytes() / 1048576.0, 1);
    }

    private async Task<JsonObject> ThroughputAsync(Func<Target> start)
    {
        using var target = start();
        await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        var url = $"http://127.0.0.1:{target.Port}/healthz";
        await LoadAsync(url, TimeSpan.FromSeconds(1), 32);
        var (count, latencies) = await LoadAsync(url, _duration, 32);
        return new JsonObject { ["rps"] = Math.Round(count / _duration.TotalSeconds), ["p99_ms"] = Math.Round(Stats.Percentile(latencies, 99), 2) };
    }

    private async Task<(long Count, List<double> Latencies)> LoadAsync(string url, TimeSpan duration, int connections)
    {
        var end = Stopwatch.StartNew();
        var all = new List<double>[connections];
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var list = all[c] = new List<double>();
            while (end.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                using var response = await _client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                list.Add(watch.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        }));
        return (count, all.SelectMany(l => l).ToList());
    }

    private async Task<JsonObject> InvokeOverheadAsync()
    {
        var echo = await SequentialLatencyAsync(StartRuntime(Config(1, false), Target.FreePort()), "POST", "/v1/agents/agent0/invoke", "{\"message\":\"hello world\"}", 2000);
        var hello = await SequentialLatencyAsync(StartHello(Target.FreePort()), "GET", "/healthz", null, 2000);
        var scriptedDoc = Write("scripted.json", "{\"format_version\":1,\"package\":{\"name\":\"bench\",\"version\":\"1.0.0\"},\"agents\":[{\"name\":\"s\",\"model\":\"mock/scripted\"}]}");
        var env = new Dictionary<string, string> { ["AGENTSPEC_MOCK_SCRIPT"] = "[{\"text\":\"ok\",\"delay_ms\":50}]", ["LOG_LEVEL"] = "error", ["AGENTSPEC_MAX_CONCURRENCY"] = "2000" };
        using var scripted = StartRuntime(scriptedDoc, Target.FreePort(), env);
        var at1 = await SequentialLatencyAsync(scripted, "POST", "/v1/agents/s/invoke", "{\"message\":\"x\"}", 100, dispose: false);
        var at32 = await ConcurrentLatencyAsync(scripted, "/v1/agents/s/invoke", "{\"message\":\"x\"}", 32, 10);
        return new JsonObject
        {
            ["echo_p50_ms"] = Math.Round(Stats.Percentile(echo, 50), 3),
            ["echo_p99_ms"] = Math.Round(Stats.Percentile(echo, 99), 3),
            ["hello_get_p50_ms"] = Math.Round(Stats.Percentile(hello, 50), 3),
            ["echo_overhead_p50_ms"] = Math.Round(Stats.Percentile(echo, 50) - Stats.Percentile(hello, 50), 3),
            ["scripted_overhead_p50_ms"] = Math.Round(Stats.Percentile(at1, 50) - 50, 3),
            ["scripted_overhead_p99_ms"] = Math.Round(Stats.Percentile(at1, 99) - 50, 3),
            ["scripted_overhead_p99_ms_at_32"] = Math.Round(Stats.Percentile(at32, 99) - 50, 3),
        };
    }

    private async Task<List<double>> SequentialLatencyAsync(Target target, string method, string path, string? body, int count, bool dispose = true)
    {
        try
        {
            await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
            var url = $"http://127.0.0.1:{target.Port}{path}";
            var samples = new List<double>();
            for (var i = 0; i < count + 200; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (body is not null) request.Content = new StringContent(body);
                var watch = Stopwatch.StartNew();
                using var response = await _client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (i >= 200) samples.Add(watch.Elapsed.TotalMilliseconds);
            }
            return samples;
        }
        finally
        {
            if (dispose) target.Dispose();
        }
    }

    private async Task<List<double>> ConcurrentLatencyAsync(Target target, string path, string body, int concurrency, int perWorker)
    {
        var url = $"http://127.0.0.1:{target.Port}{path}";
        var lists = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var list = new List<double>();
            for (var i = 0; i < perWorker; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await _client.PostAsync(url, new StringContent(body));
                await response.Content.ReadAsByteArrayAsync();
                list.Add(watch.Elapsed.TotalMilliseconds);
            }
            return list;
        }));
        return lists.SelectMany(l => l).ToList();
    }

    private Target StartRuntime(string config, int port, IDictionary<string, string>? env = null) =>
        Target.Start(_runtime, ["run", "--config", config, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            env ?? new Dictionary<string, string> { ["LOG_LEVEL"] = "error" }, port);

    private Target StartHello(int port) => Target.Start(_hello, ["hello", "--port", port.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>(), port);

    private string Config(int agents, bool withTools)
    {
        var skills = new JsonObject();
        var names = new JsonArray();
        if (withTools)
        {
            for (var i = 0; i < 5; i++)
            {
                skills[$"tool{i}"] = new JsonObject
                {
                    ["description"] = "d",
                    ["input"] = new JsonArray(),
                    ["tool"] = new JsonObject { ["type"] = "command", ["binary"] = "cat" },
                };
                names.Add($"tool{i}");
            }
        }
        var list = new JsonArray();
        for (var i = 0; i < agents; i++)
        {
            list.Add(new JsonObject { ["name"] = $"agent{i}", ["model"] = "mock/echo", ["skills"] = names.DeepClone() });
        }
        var doc = new JsonObject
        {
            ["format_version"] = 1,
            ["package"] = new JsonObject { ["name"] = "bench", ["version"] = "1.0.0" },
            ["skills"] = skills,
            ["agents"] = list,
        };
        return Write($"config-{agents}-{withTools}.json", doc.ToJsonString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<string> VersionAsync()
    {
        using var p = Process.Start(new ProcessStartInfo(_runtime, ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false });
        if (p is null) return "unknown";
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text.Trim();
    }

    private static string Commit()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (p is null) return "unknown";
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return text.Length > 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
