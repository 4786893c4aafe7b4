using System.Text.Json.Nodes;
using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Tools;

public sealed class McpToolTests
{
    private static string ServerPath()
    {
        var baseDir = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(baseDir).Parent?.Name ?? "Debug";
        return Path.GetFullPath(Path.Combine(baseDir, "..", "..", "..", "..", "AgentSpec.Runtime.McpTestServer", "bin", configuration, "net10.0",
            OperatingSystem.IsWindows() ? "AgentSpec.Runtime.McpTestServer.exe" : "AgentSpec.Runtime.McpTestServer"));
    }

    private static async Task<JsonObject> WaitForCheckAsync(RunningRuntime rt, string name, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var (_, body, _) = await rt.GetAsync("/healthz");
            var check = body!["checks"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == name)?.AsObject();
            if (check?["status"]!.GetValue<string>() == status) return body.AsObject();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name} never became {status}: {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Stdio_server_tools_are_called_and_disconnects_are_reported()
    {
        var marker = Guid.NewGuid().ToString("N");
        var doc = Docs.Document(
            [new { name = "a", model = "mock/scripted", skills = new[] { "sum" } }, new { name = "c", model = "mock/scripted/client", client = "tools" }],
            skills: new { sum = new { description = "Sum two numbers", input = new[] { new { name = "a", type = "int", required = true }, new { name = "b", type = "int", required = true } },
                tool = new { type = "mcp", server = "calc", name = "add" } } },
            extra: new
            {
                servers = new { calc = new { transport = "stdio", command = ServerPath(), args = new[] { "--instance", marker } } },
                clients = new { tools = new { servers = new[] { "calc" } } },
            });
        var scripts = "{\"scripts\":{\"default\":[{\"tool_calls\":[{\"name\":\"sum\",\"input\":{\"a\":2,\"b\":3}}]},{\"text\":\"done\",\"expect\":{\"last_message_contains\":\"5\"}}],"
            + "\"client\":[{\"tool_calls\":[{\"name\":\"calc__add\",\"input\":{\"a\":4,\"b\":5}},{\"name\":\"calc__fail\",\"input\":{}}],\"expect\":{\"tools_include\":[\"calc__add\"]}},{\"text\":\"ok\"}]}}";
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", scripts)));
        await WaitForCheckAsync(rt, "mcp:calc", "pass");
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "add" });
        Assert.Equal(200, status);
        Assert.Equal("5", body!["tool_calls"]![0]!["output"]!.GetValue<string>());
        Assert.Equal("sum", body["tool_calls"]![0]!["tool_name"]!.GetValue<string>());
        var (s2, b2, _) = await rt.PostAsync("/v1/agents/c/invoke", new { message = "add" });
        Assert.Equal(200, s2);
        Assert.Equal("calc/add", b2!["tool_calls"]![0]!["tool_name"]!.GetValue<string>());
        Assert.Equal("9", b2["tool_calls"]![0]!["output"]!.GetValue<string>());
        Assert.NotNull(b2["tool_calls"]![1]!["error"]);

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
            if (cmdline.Contains(marker, StringComparison.Ordinal)) System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        var health = await WaitForCheckAsync(rt, "mcp:calc", "warn");
        Assert.Equal("unhealthy", health["status"]!.GetValue<string>());
        Assert.Equal("fail", health["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "tool:sum")!["status"]!.GetValue<string>());
        await WaitForCheckAsync(rt, "mcp:calc", "pass");
    }
}
