using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentSpec.Runtime.Benchmarks;

/// <summary>B5 (memory per session), B6 (memory per in-flight stream) and B7 (streaming latency) of runtime.md §8.</summary>
public sealed class MemoryAndStreamingBenchmarks
{
    private readonly Func<string, int, IDictionary<string, string>?, Target> _startRuntime;
    private readonly Func<string, string, string> _write;
    private readonly HttpClient _client;

    public MemoryAndStreamingBenchmarks(Func<string, int, IDictionary<string, string>?, Target> startRuntime, Func<string, string, string> write, HttpClient client)
    {
        _startRuntime = startRuntime;
        _write = write;
        _client = client;
    }

    /// <summary>B5: sessions × exchanges of 200-character messages; ΔRSS per session.</summary>
    public async Task<JsonObject> SessionsAsync(int sessions, int exchanges)
    {
        var config = _write("b5.json", "{\"format_version\":1,\"package\":{\"name\":\"b\",\"version\":\"1.0.0\"},\"agents\":[{\"name\":\"a\",\"model\":\"mock/echo\"}]}");
        using var target = _startRuntime(config, Target.FreePort(), new Dictionary<string, string> { ["LOG_LEVEL"] = "error", ["AGENTSPEC_MAX_SESSIONS"] = "100000" });
        await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var before = target.ResidentBytes();
        var message = "{\"message\":\"" + new string('m', 200) + "\"}";
        var url = $"http://127.0.0.1:{target.Port}";
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            using var created = await _client.PostAsync($"{url}/v1/agents/a/sessions", null, ct);
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["session_id"]!.GetValue<string>();
            for (var i = 0; i < exchanges; i++)
            {
                using var r = await _client.PostAsync($"{url}/v1/agents/a/sessions/{id}", new StringContent(message), ct);
                await r.Content.ReadAsByteArrayAsync(ct);
            }
        });
        await Task.Delay(2000);
        var after = target.ResidentBytes();
        return new JsonObject
        {
            ["sessions"] = sessions,
            ["exchanges"] = exchanges,
            ["kib_per_session"] = Math.Round((after - before) / 1024.0 / sessions, 2),
        };
    }

    /// <summary>B6: concurrent <c>/stream</c> calls held by a 5 s step; ΔRSS per stream.</summary>
    public async Task<JsonObject> StreamsAsync(int streams)
    {
        var config = _write("b6.json", "{\"format_version\":1,\"package\":{\"name\":\"b\",\"version\":\"1.0.0\"},\"agents\":[{\"name\":\"a\",\"model\":\"mock/scripted\",\"stream\":true}]}");
        using var target = _startRuntime(config, Target.FreePort(), new Dictionary<string, string>
        {
            ["LOG_LEVEL"] = "error", ["AGENTSPEC_MAX_CONCURRENCY"] = "100000", ["AGENTSPEC_MOCK_SCRIPT"] = "[{\"text\":\"held\",\"delay_ms\":5000}]",
        });
        await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var before = target.ResidentBytes();
        var url = $"http://127.0.0.1:{target.Port}/v1/agents/a/stream";
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = streams + 10 }) { Timeout = TimeSpan.FromSeconds(60) };
        var calls = Enumerable.Range(0, streams).Select(_ => client.SendAsync(Post(url, "{\"message\":\"x\"}"), HttpCompletionOption.ResponseHeadersRead)).ToList();
        await Task.WhenAll(calls);
        await Task.Delay(1500);
        var during = target.ResidentBytes();
        foreach (var call in calls) (await call).Dispose();
        return new JsonObject { ["streams"] = streams, ["kib_per_stream"] = Math.Round((during - before) / 1024.0 / streams, 2) };
    }

    /// <summary>B7: time from request to reading the first <c>text</c> event of a streaming <c>mock/echo</c> agent.</summary>
    public async Task<JsonObject> StreamingLatencyAsync(int count)
    {
        var config = _write("b7.json", "{\"format_version\":1,\"package\":{\"name\":\"b\",\"version\":\"1.0.0\"},\"agents\":[{\"name\":\"a\",\"model\":\"mock/echo\",\"stream\":true}]}");
        using var target = _startRuntime(config, Target.FreePort(), null);
        await target.WaitHealthyAsync(_client, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        var url = $"http://127.0.0.1:{target.Port}/v1/agents/a/stream";
        var samples = new List<double>();
        for (var i = 0; i < count + 100; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await _client.SendAsync(Post(url, "{\"message\":\"hello streaming world\"}"), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream, Encoding.UTF8, false);
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("event: text", StringComparison.Ordinal)) break;
            }
            if (i >= 100) samples.Add(watch.Elapsed.TotalMilliseconds);
            await reader.ReadToEndAsync();
        }
        return new JsonObject
        {
            ["first_text_p50_ms"] = Math.Round(Stats.Percentile(samples, 50), 3),
            ["first_text_p99_ms"] = Math.Round(Stats.Percentile(samples, 99), 3),
            ["requests"] = count.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static HttpRequestMessage Post(string url, string body) => new(HttpMethod.Post, url) { Content = new StringContent(body) };
}
