using AgentSpec.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AgentSpec.Runtime.Tests.Tools;

public sealed class McpHttpToolTests
{
    [Fact]
    public async Task Streamable_http_server_is_reached_with_its_bearer_secret()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMcpServer().WithHttpTransport().WithToolsFromAssembly(typeof(HttpMcpTools).Assembly);
        await using var app = builder.Build();
        var unauthorized = 0;
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != "Bearer mcp-token-1")
            {
                Interlocked.Increment(ref unauthorized);
                context.Response.StatusCode = 401;
                return;
            }
            await next(context);
        });
        app.MapMcp("/mcp");
        await app.StartAsync();
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", skills = new[] { "product" } }],
            skills: new { product = new { description = "Multiply", input = new[] { new { name = "a", type = "int", required = true }, new { name = "b", type = "int", required = true } },
                tool = new { type = "mcp", server = "remote", name = "mul" } } },
            secrets: new Dictionary<string, object> { ["mcp-token"] = new { env = "MCP_TOKEN" } },
            extra: new { servers = new { remote = new { transport = "streamable-http", url = app.Urls.First() + "/mcp", auth = "mcp-token" } } });
        var script = Docs.Script(new { tool_calls = new[] { new { name = "product", input = new { a = 6, b = 7 } } } }, new { text = "done" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("MCP_TOKEN", "mcp-token-1")));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await rt.GetAsync("/healthz")).Status != 200 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "6*7" });
        Assert.True(status == 200, (await rt.GetAsync("/healthz")).Body?.ToJsonString());
        Assert.Equal("42", body!["tool_calls"]![0]!["output"]!.GetValue<string>());
        Assert.Equal(0, unauthorized);
        Assert.DoesNotContain("mcp-token-1", rt.Log.ToString());
    }
}
