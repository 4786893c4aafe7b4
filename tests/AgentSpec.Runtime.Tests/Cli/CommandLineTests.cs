using System.Text.Json.Nodes;
using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Version_prints_semver_and_json()
    {
        var (code, stdout, _) = await RuntimeProcess.RunAsync(["version", "--json"]);
        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Matches(@"^\d+\.\d+\.\d+", json["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["rid"]!.GetValue<string>()));
        var (code2, stdout2, _) = await RuntimeProcess.RunAsync(["--version"]);
        Assert.Equal(0, code2);
        Assert.Equal(json["version"]!.GetValue<string>(), stdout2.Trim());
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port=abc")]
    public async Task Bad_options_exit_2(string option)
    {
        var (code, _, _) = await RuntimeProcess.RunAsync(["run", "--config", "c.json", option]);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("{\"format_version\":2,\"agents\":[]}", "unsupported format_version 2")]
    [InlineData("{\"format_version\":1,\"agents\":[{\"name\":\"a\",\"model\":\"mock/echo\",\"max_turns\":\"ten\"}]}", "invalid runtime document")]
    [InlineData("{\"format_version\":1,\"agents\":[{\"name\":\"a\",\"model\":\"mock/scripted\"}]}", "AGENTSPEC_MOCK_SCRIPT is not set")]
    [InlineData("{\"format_version\":1,\"agents\":[{\"name\":\"a\",\"model\":\"mock/echo\",\"skills\":[\"nope\"]}]}", "unknown skill \"nope\"")]
    public async Task Invalid_configuration_exits_3(string json, string expected)
    {
        var config = _dir.WriteFile("config.json", json);
        var (code, _, stderr) = await RuntimeProcess.RunAsync(["run", "--config", config, "--host", "127.0.0.1", "--port", "0"]);
        Assert.Equal(3, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task Require_auth_without_keys_exits_3()
    {
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "a", model = "mock/echo" }]));
        var (code, _, stderr) = await RuntimeProcess.RunAsync(["run", "--config", config, "--host", "127.0.0.1", "--port", "0", "--require-auth"]);
        Assert.Equal(3, code);
        Assert.Contains("--require-auth", stderr);
    }

    [Fact]
    public async Task Healthcheck_exits_0_when_healthy_and_1_when_refused()
    {
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "a", model = "mock/echo" }]));
        using var rt = RuntimeProcess.Start(["run", "--config", config, "--host", "127.0.0.1", "--port", "0"]);
        var port = await rt.WaitForPortAsync();
        var (ok, stdout, _) = await RuntimeProcess.RunAsync(["healthcheck", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "5s"]);
        Assert.Equal(0, ok);
        Assert.Equal("healthy", stdout.Trim());
        rt.Signal("TERM");
        Assert.Equal(0, await rt.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        var (refused, _, _) = await RuntimeProcess.RunAsync(["healthcheck", "--url", $"http://127.0.0.1:{port}/healthz", "--timeout", "2s"]);
        Assert.Equal(1, refused);
        var (usage, _, _) = await RuntimeProcess.RunAsync(["healthcheck", "--nope"]);
        Assert.Equal(1, usage);
    }

    [Fact]
    public async Task Healthcheck_exits_1_and_names_the_failing_check_when_a_key_is_missing()
    {
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "assistant", model = "claude-sonnet-4-20250514" }]));
        using var rt = RuntimeProcess.Start(["run", "--config", config, "--host", "127.0.0.1", "--port", "0"]);
        var port = await rt.WaitForPortAsync();
        var (code, stdout, _) = await RuntimeProcess.RunAsync(["healthcheck", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(1, code);
        Assert.Contains("503 unhealthy provider:assistant", stdout);
    }

    [Fact]
    public async Task Port_in_use_exits_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "a", model = "mock/echo" }]));
        var (code, _, stderr) = await RuntimeProcess.RunAsync(["run", "--config", config, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(1, code);
        Assert.Contains("cannot listen", stderr);
    }

    [Fact]
    public async Task Watch_health_logs_consecutive_failures_and_stop_file_shuts_down()
    {
        var config = _dir.WriteFile("config.json", Docs.Document([new { name = "assistant", model = "claude-sonnet-4-20250514" }]));
        var stop = Path.Combine(_dir.Path, "stop");
        using var rt = RuntimeProcess.Start(["run", "--config", config, "--host", "127.0.0.1", "--port", "0", "--watch-health", "/healthz",
            "--watch-interval", "200ms", "--watch-timeout", "1s", "--stop-file", stop]);
        await rt.WaitForPortAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!rt.Stderr.Contains("failures=2", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("health check failed failures=1 error=\"status 503\"", rt.Stderr);
        Assert.Contains("health check failed failures=2", rt.Stderr);
        await File.WriteAllTextAsync(stop, "");
        Assert.Equal(0, await rt.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("shutdown complete", rt.Stderr);
    }
}
