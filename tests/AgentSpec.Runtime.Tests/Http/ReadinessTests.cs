using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Missing_provider_key_makes_health_503_naming_agent_and_variable()
    {
        var doc = Docs.Document([new { name = "assistant", model = "claude-sonnet-4-20250514" }, new { name = "helper", model = "mock/echo" }]);
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(503, status);
        Assert.Equal("unhealthy", body!["status"]!.GetValue<string>());
        var check = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "provider:assistant")!;
        Assert.Equal("fail", check["status"]!.GetValue<string>());
        Assert.Contains("ANTHROPIC_API_KEY not set", check["detail"]!.GetValue<string>());
        var (s, err, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "hi" });
        Assert.Equal(503, s);
        Assert.Equal("unavailable", err!["error"]!.GetValue<string>());
        Assert.Contains("provider:assistant", err["message"]!.GetValue<string>());
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/helper/invoke", new { message = "hi" })).Status);
        var (_, agents, _) = await rt.GetAsync("/v1/agents");
        Assert.Equal("unavailable", agents!["agents"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_present_passes_without_showing_its_value()
    {
        var doc = Docs.Document([new { name = "assistant", model = "claude-sonnet-4-20250514" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("ANTHROPIC_API_KEY", "sk-ant-very-secret")));
        var (status, body, response) = await rt.GetAsync("/healthz");
        Assert.Equal(200, status);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("ANTHROPIC_API_KEY set", text);
        Assert.DoesNotContain("sk-ant-very-secret", text);
        Assert.Equal("healthy", body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fallback_model_without_credentials_is_a_warning()
    {
        var doc = Docs.Document([new { name = "a", models = new[] { "mock/echo", "gpt-4o" } }]);
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(200, status);
        Assert.Equal("degraded", body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_command_binary_fails_the_tool_check()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/echo", skills = new[] { "search" } }],
            skills: new { search = new { description = "s", input = new[] { new { name = "query", type = "string", required = true } }, tool = new { type = "command", binary = "no-such-binary-xyz" } } });
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(503, status);
        var check = body!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "tool:search")!;
        Assert.Equal("command binary \"no-such-binary-xyz\" not found on PATH", check["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Provider_probe_degrades_health_when_the_endpoint_is_unreachable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var doc = Docs.Document([new { name = "assistant", model = "claude-sonnet-4-20250514" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("ANTHROPIC_API_KEY", "k-1234"),
            ("ANTHROPIC_BASE_URL", $"http://127.0.0.1:{closedPort}"), ("AGENTSPEC_HEALTH_PROBE_PROVIDERS", "true")));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        System.Text.Json.Nodes.JsonNode? body;
        int status;
        do
        {
            (status, body, _) = await rt.GetAsync("/healthz");
            if (body!["status"]!.GetValue<string>() == "degraded") break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(200, status);
        Assert.Equal("degraded", body!["status"]!.GetValue<string>());
        Assert.Contains("unreachable", body["checks"]![1]!["detail"]!.GetValue<string>());
    }
}
