using System.Text.Json.Nodes;
using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class ApiBasicsTests
{
    private static readonly string EchoDoc = Docs.Document([new { name = "helper", model = "mock/echo" }]);

    [Fact]
    public async Task Echo_invoke_answers_the_fixed_shape()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (status, body, response) = await rt.PostAsync("/v1/agents/helper/invoke", new { message = "hello world" });
        Assert.Equal(200, status);
        Assert.Equal("hello world", body!["output"]!.GetValue<string>());
        Assert.Equal(1, body["turns"]!.GetValue<int>());
        Assert.Empty(body["tool_calls"]!.AsArray());
        Assert.Equal("", body["session_id"]!.GetValue<string>());
        Assert.Equal(2, body["tokens"]!["output"]!.GetValue<int>());
        Assert.Equal("completed", body["stop_reason"]!.GetValue<string>());
        Assert.Equal("echo", body["model"]!.GetValue<string>());
        var id = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
        var keys = body.AsObject().Select(p => p.Key).Take(10).ToArray();
        Assert.Equal(["output", "tool_calls", "tokens", "turns", "duration_ms", "session_id", "usage", "stop_reason", "model", "attempts"], keys);
    }

    [Fact]
    public async Task Incoming_correlation_id_is_kept_and_invalid_one_replaced()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (_, _, ok) = await rt.PostAsync("/v1/agents/helper/invoke", new { message = "x" }, new Dictionary<string, string> { ["X-Correlation-ID"] = "req-42.a:b" });
        Assert.Equal("req-42.a:b", ok.Headers.GetValues("X-Correlation-ID").Single());
        var (_, _, bad) = await rt.PostAsync("/v1/agents/helper/invoke", new { message = "x" }, new Dictionary<string, string> { ["X-Correlation-ID"] = "bad id!" });
        Assert.Equal(26, bad.Headers.GetValues("X-Correlation-ID").Single().Length);
    }

    [Fact]
    public async Task Agents_list_has_the_fixed_fields()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (status, body, _) = await rt.GetAsync("/v1/agents");
        Assert.Equal(200, status);
        var agent = body!["agents"]![0]!;
        Assert.Equal("helper", agent["name"]!.GetValue<string>());
        Assert.Equal("pkg/Agent/helper", agent["fqn"]!.GetValue<string>());
        Assert.Equal("echo", agent["model"]!.GetValue<string>());
        Assert.Equal("react", agent["strategy"]!.GetValue<string>());
        Assert.Equal("running", agent["status"]!.GetValue<string>());
        Assert.Empty(agent["skills"]!.AsArray());
        Assert.Equal(0, agent["active_sessions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_route_agent_and_wrong_method_have_error_bodies()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (s1, b1, r1) = await rt.GetAsync("/nope");
        Assert.Equal(404, s1);
        Assert.Equal("not_found", b1!["error"]!.GetValue<string>());
        Assert.Equal(r1.Headers.GetValues("X-Correlation-ID").Single(), b1["correlation_id"]!.GetValue<string>());
        var (s2, b2, _) = await rt.PostAsync("/v1/agents/ghost/invoke", new { message = "x" });
        Assert.Equal(404, s2);
        Assert.Equal("not_found", b2!["error"]!.GetValue<string>());
        var (s3, b3, r3) = await rt.GetAsync("/v1/agents/helper/invoke");
        Assert.Equal(405, s3);
        Assert.Equal("method_not_allowed", b3!["error"]!.GetValue<string>());
        Assert.Equal("POST", string.Join(",", r3.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("{\"message\":\"  \"}", "message")]
    [InlineData("{\"message\":5}", "\"message\"")]
    [InlineData("{\"message\":\"a\",\"input\":\"b\"}", "differ")]
    [InlineData("{\"message\":\"a\",\"variables\":{\"x\":[1]}}", "variable \"x\"")]
    public async Task Bad_bodies_are_400_naming_the_problem(string body, string expected)
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (status, json, _) = await rt.PostAsync("/v1/agents/helper/invoke", body);
        Assert.Equal(400, status);
        Assert.Equal("invalid_request", json!["error"]!.GetValue<string>());
        Assert.Contains(expected, json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Input_is_an_alias_of_message()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (status, body, _) = await rt.PostAsync("/v1/agents/helper/invoke", new { input = "via input" });
        Assert.Equal(200, status);
        Assert.Equal("via input", body!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limits_413_for_large_bodies_and_400_for_65_variables()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc, Docs.Env(("AGENTSPEC_MAX_BODY_BYTES", "1000")));
        var (s1, b1, _) = await rt.PostAsync("/v1/agents/helper/invoke", new { message = new string('x', 2000) });
        Assert.Equal(413, s1);
        Assert.Equal("payload_too_large", b1!["error"]!.GetValue<string>());
        await using var rt2 = await RunningRuntime.StartAsync(EchoDoc);
        var variables = Enumerable.Range(0, 65).ToDictionary(i => $"v{i}", i => "x");
        var (s2, b2, _) = await rt2.PostAsync("/v1/agents/helper/invoke", new { message = "m", variables });
        Assert.Equal(400, s2);
        Assert.Contains("64", b2!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Eleven_MiB_body_is_413_under_the_default_limit()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", rt.Server.Port);
        var stream = tcp.GetStream();
        var head = $"POST /v1/agents/helper/invoke HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {11 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("{\"message\":\"aaaa"));
        using var reader = new StreamReader(stream);
        var statusLine = await reader.ReadLineAsync();
        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
        var rest = await reader.ReadToEndAsync();
        Assert.Contains("\"error\":\"payload_too_large\"", rest);
    }

    [Fact]
    public async Task Options_is_204_and_cors_is_off_by_default()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc, Docs.Env(("AGENTSPEC_API_KEY", "secret-key-1")));
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/agents");
        request.Headers.Add("Origin", "https://example.test");
        var response = await rt.Client.SendAsync(request);
        Assert.Equal(204, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_and_count_invocations()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        await rt.PostAsync("/v1/agents/helper/invoke", new { message = "a b" });
        var response = await rt.Client.GetAsync("/v1/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("agentspec_invocations_total{agent=\"helper\",status=\"completed\",source=\"invoke\"} 1", text);
        Assert.Contains("agentspec_tokens_total{agent=\"helper\",model=\"echo\",type=\"output\"} 2", text);
        Assert.Contains("agentspec_build_info{version=\"0.1.0\",spec_hash=\"sha256:test\"} 1", text);
        Assert.Contains("process_resident_memory_bytes", text);
        var families = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(families.Order(StringComparer.Ordinal), families);
        Assert.Contains("# TYPE agentspec_pipeline_runs_total counter", text);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", text);
    }

    [Fact]
    public async Task Healthz_reports_uptime_version_and_spec_hash()
    {
        await using var rt = await RunningRuntime.StartAsync(EchoDoc);
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(200, status);
        Assert.Equal("healthy", body!["status"]!.GetValue<string>());
        Assert.Matches(@"^(\d+h)?(\d+m)?\d+(\.\d{1,3})?s$", body["uptime"]!.GetValue<string>());
        Assert.Equal("sha256:test", body["spec_hash"]!.GetValue<string>());
        Assert.Equal(1, body["agents"]!.GetValue<int>());
        var head = await rt.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        Assert.Equal(200, (int)head.StatusCode);
    }

    [Fact]
    public async Task Concurrency_limit_answers_503_with_retry_after()
    {
        var doc = Docs.Document([new { name = "slow", model = "mock/scripted" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(
            ("AGENTSPEC_MOCK_SCRIPT", Docs.Script(new { text = "ok", delay_ms = 1500 })), ("AGENTSPEC_MAX_CONCURRENCY", "1")));
        var first = rt.PostAsync("/v1/agents/slow/invoke", new { message = "a" });
        await Task.Delay(300);
        var (status, body, response) = await rt.PostAsync("/v1/agents/slow/invoke", new { message = "b" });
        Assert.Equal(503, status);
        Assert.Equal("unavailable", body!["error"]!.GetValue<string>());
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(200, (await first).Status);
    }
}
