using System.Text.Json;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Cli;

public sealed class ShutdownTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private RuntimeProcess Start(int delayMs, params (string, string)[] env)
    {
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "a", model = "mock/scripted", timeout = "60s" }]));
        var variables = Docs.Env(env);
        variables["AGENTSPEC_MOCK_SCRIPT"] = Docs.Script(new { text = "held", delay_ms = delayMs });
        return RuntimeProcess.Start(["run", "--config", config, "--host", "127.0.0.1", "--port", "0"], variables);
    }

    [Fact]
    public async Task Sigterm_drains_in_flight_invocations_and_exits_0()
    {
        using var rt = Start(2000, ("AGENTSPEC_SHUTDOWN_DELAY", "1s"));
        var port = await rt.WaitForPortAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var invoke = client.PostAsync("/v1/agents/a/invoke", new StringContent("{\"message\":\"x\"}"));
        await Task.Delay(500);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        rt.Signal("TERM");
        await Task.Delay(200);
        var health = await probe.GetAsync("/healthz");
        Assert.Equal(503, (int)health.StatusCode);
        Assert.Equal("draining", JsonNode.Parse(await health.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        var response = await invoke;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, await rt.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => new HttpClient().GetAsync($"http://127.0.0.1:{port}/healthz"));
        Assert.Contains("shutdown requested", rt.Stderr);
        Assert.Contains("shutdown complete", rt.Stderr);
    }

    [Fact]
    public async Task Drain_bound_cancels_what_remains_with_503_and_exits_0()
    {
        using var rt = Start(10000, ("AGENTSPEC_SHUTDOWN_TIMEOUT", "1s"), ("LOG_FORMAT", "json"));
        var port = await rt.WaitForPortAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var invoke = client.PostAsync("/v1/agents/a/invoke", new StringContent("{\"message\":\"x\"}"));
        await Task.Delay(400);
        rt.Signal("TERM");
        var response = await invoke;
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("unavailable", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(0, await rt.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        var complete = rt.Stderr.Split('\n').Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).Single(l => l["message"]!.GetValue<string>() == "shutdown complete");
        Assert.Equal(1, complete["cancelled"]!.GetValue<int>());
    }

    [Fact]
    public async Task Second_signal_exits_at_once_with_143()
    {
        using var rt = Start(10000, ("AGENTSPEC_SHUTDOWN_DELAY", "10s"));
        await rt.WaitForPortAsync();
        rt.Signal("TERM");
        await Task.Delay(300);
        rt.Signal("TERM");
        Assert.Equal(143, await rt.WaitForExitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_with_the_correlation_id()
    {
        using var rt = Start(0, ("LOG_FORMAT", "json"), ("LOG_LEVEL", "debug"));
        var port = await rt.WaitForPortAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/agents/a/invoke") { Content = new StringContent("{\"message\":\"x\"}") };
        request.Headers.Add("X-Correlation-ID", "corr-123");
        Assert.Equal(200, (int)(await client.SendAsync(request)).StatusCode);
        rt.Signal("TERM");
        await rt.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var lines = rt.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", doc.RootElement.GetProperty("timestamp").GetString());
            Assert.Contains(doc.RootElement.GetProperty("level").GetString(), new[] { "debug", "info", "warn", "error" });
            Assert.True(doc.RootElement.TryGetProperty("message", out _));
        }
        var completed = lines.Select(l => JsonNode.Parse(l)!).Single(l => l["message"]!.GetValue<string>() == "invocation completed");
        Assert.Equal("corr-123", completed["correlation_id"]!.GetValue<string>());
        Assert.Equal("a", completed["agent"]!.GetValue<string>());
        Assert.NotNull(completed["tokens"]!["total"]);
        Assert.NotNull(completed["turn"]);
        Assert.Contains(lines, l => l.Contains("\"message\":\"request completed\"", StringComparison.Ordinal) && l.Contains("corr-123", StringComparison.Ordinal));
    }
}
