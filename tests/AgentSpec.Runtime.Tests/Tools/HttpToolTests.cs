using AgentSpec.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace AgentSpec.Runtime.Tests.Tools;

public sealed class HttpToolTests
{
    private static string Doc(string url, string method = "GET", string? body = null, object? headers = null) => Docs.Document(
        [new { name = "a", model = "mock/scripted", skills = new[] { "fetch" } }],
        skills: new
        {
            fetch = new
            {
                description = "Fetch",
                input = new object[] { new { name = "id", type = "string", required = true }, new { name = "n", type = "int", required = false } },
                tool = new { type = "http", url, method, body_template = body, headers = headers ?? new { } },
            },
        },
        secrets: new Dictionary<string, object> { ["api-token"] = new { env = "API_TOKEN" } });

    private static string Script(object input) => Docs.Script(new { tool_calls = new[] { new { name = "fetch", input } } }, new { text = "end" });

    [Theory]
    [InlineData("http://127.0.0.1:{0}/x")]
    [InlineData("http://localhost:{0}/x")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/x")]
    public async Task Loopback_targets_are_refused_without_a_connection(string template)
    {
        await using var server = await LoopbackHttpServer.StartAsync("127.0.0.1", ctx => ctx.Response.WriteAsync("secret data"));
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, server.Port);
        await using var rt = await RunningRuntime.StartAsync(Doc(url), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script(new { id = "1" }))));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.StartsWith("SSRF guard:", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
        Assert.Equal(0, server.Hits);
    }

    [Fact]
    public async Task Allowed_range_is_reached_with_rendered_url_query_headers_and_secrets()
    {
        await using var server = await LoopbackHttpServer.StartAsync("127.0.0.1", async ctx =>
        {
            await ctx.Response.WriteAsync($"auth={ctx.Request.Headers.Authorization} ua={ctx.Request.Headers.UserAgent} corr={ctx.Request.Headers["X-Correlation-ID"].Count}");
        });
        var doc = Doc($"http://127.0.0.1:{server.Port}/items/{{{{id}}}}", headers: new { Authorization = "Bearer {{secrets.api-token}}" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script(new { id = "a b/c", n = 3 })),
            ("AGENTSPEC_HTTP_ALLOW_PRIVATE", "127.0.0.1/32"), ("API_TOKEN", "tok-123456")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal("GET /items/a%20b%2Fc?n=3 ", server.Requests.Single());
        var output = body!["tool_calls"]![0]!["output"]!.GetValue<string>();
        Assert.StartsWith("auth=Bearer ***REDACTED*** ua=agentspec/", output);
        Assert.EndsWith("corr=1", output);
        Assert.Contains("SSRF guard exemptions", rt.Log.ToString());
    }

    [Fact]
    public async Task Post_renders_a_json_body_template_and_errors_carry_the_status()
    {
        await using var server = await LoopbackHttpServer.StartAsync("127.0.0.1", async ctx =>
        {
            ctx.Response.StatusCode = 418;
            await ctx.Response.WriteAsync("teapot");
        });
        var doc = Doc($"http://127.0.0.1:{server.Port}/post", "POST", "{\"id\":\"{{id}}\",\"n\":{{n}}}");
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script(new { id = "say \"hi\"" })),
            ("AGENTSPEC_HTTP_ALLOW_PRIVATE", "127.0.0.1/32")));
        var (_, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal("POST /post {\"id\":\"say \\\"hi\\\"\",\"n\":null}", server.Requests.Single());
        Assert.Equal("HTTP 418: teapot", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redirect_to_a_blocked_address_is_refused()
    {
        await using var target = await LoopbackHttpServer.StartAsync("127.0.0.3", ctx => ctx.Response.WriteAsync("should not be seen"));
        await using var server = await LoopbackHttpServer.StartAsync("127.0.0.2", ctx =>
        {
            if (ctx.Request.Path == "/ok") return ctx.Response.WriteAsync("reached");
            ctx.Response.Redirect($"http://127.0.0.3:{target.Port}/x");
            return Task.CompletedTask;
        });
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", skills = new[] { "ok", "hop" } }],
            skills: new
            {
                ok = new { description = "d", input = Array.Empty<object>(), tool = new { type = "http", url = $"http://127.0.0.2:{server.Port}/ok" } },
                hop = new { description = "d", input = Array.Empty<object>(), tool = new { type = "http", url = $"http://127.0.0.2:{server.Port}/hop" } },
            });
        var script = Docs.Script(new { tool_calls = new object[] { new { name = "ok", input = new { } }, new { name = "hop", input = new { } } } }, new { text = "end" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("AGENTSPEC_HTTP_ALLOW_PRIVATE", "127.0.0.2/32")));
        var (_, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal("reached", body!["tool_calls"]![0]!["output"]!.GetValue<string>());
        Assert.StartsWith("SSRF guard: 127.0.0.3 resolves to blocked address 127.0.0.3", body["tool_calls"]![1]!["error"]!.GetValue<string>());
        Assert.Equal(0, target.Hits);
    }

    [Fact]
    public async Task Unknown_placeholder_fails_the_tool_health_check()
    {
        await using var rt = await RunningRuntime.StartAsync(Doc("https://example.test/{{nope}}"), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", Script(new { id = "1" }))));
        var (status, body, _) = await rt.GetAsync("/healthz");
        Assert.Equal(503, status);
        Assert.Contains("{{nope}}", body!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "tool:fetch")!["detail"]!.GetValue<string>());
    }
}
