using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class RedactionTests : IDisposable
{
    private const string Secret = "sk-test-SECRET-value-123";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Secrets_in_provider_errors_and_tool_stderr_never_reach_logs_or_responses()
    {
        var tool = _dir.Script("leak.sh", $"#!/bin/bash\necho \"token is $LEAK\" >&2\nexit 1\n");
        var doc = Docs.Document([
            new { name = "a", model = "mock/scripted/a", skills = new[] { "leak" } },
            new { name = "b", model = "mock/scripted/b" }],
            skills: new { leak = new { description = "d", input = Array.Empty<object>(), tool = new { type = "command", binary = tool, secrets = new { LEAK = "api-key" } } } },
            secrets: new Dictionary<string, object> { ["api-key"] = new { env = "MY_SECRET" } });
        var scripts = "{\"scripts\":{\"a\":[{\"tool_calls\":[{\"name\":\"leak\",\"input\":{}}]},{\"text\":\"done\"}],\"b\":[{\"error\":{\"status\":401,\"message\":\"bad key " + Secret + "\"}}]}}";
        foreach (var format in new[] { "json", "text" })
        {
            await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", scripts), ("MY_SECRET", Secret),
                ("ANTHROPIC_API_KEY", Secret + "-anthropic"), ("LOG_FORMAT", format), ("AGENTSPEC_LOG_CONTENT", "true")));
            var (s1, _, r1) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
            var (s2, _, r2) = await rt.PostAsync("/v1/agents/b/invoke", new { message = "go" });
            Assert.Equal(200, s1);
            Assert.Equal(502, s2);
            var t1 = await r1.Content.ReadAsStringAsync();
            var t2 = await r2.Content.ReadAsStringAsync();
            Assert.Contains("***REDACTED***", t1);
            Assert.Contains("***REDACTED***", t2);
            Assert.DoesNotContain(Secret, t1);
            Assert.DoesNotContain(Secret, t2);
            Assert.DoesNotContain(Secret, rt.Log.ToString());
            Assert.Contains("invocation failed", rt.Log.ToString());
        }
    }
}
