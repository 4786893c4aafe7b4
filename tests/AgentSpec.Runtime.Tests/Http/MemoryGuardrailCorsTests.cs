using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class MemoryGuardrailCorsTests
{
    [Fact]
    public async Task Summary_memory_replaces_old_messages_with_one_summary()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", memory = new { strategy = "summary", max_messages = 4 } }]);
        var script = Docs.Script(new { text = "r1" }, new { text = "r2" }, new { text = "r3" },
            new { text = "Ada likes tea", expect = new { last_message_contains = "user: m1\nassistant: r1\nuser: m2\nassistant: r2" }, usage = new { input = 7, output = 3 } },
            new { text = "ok", expect = new { history_contains = "[Summary of earlier conversation: Ada likes tea]" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (_, created, _) = await rt.PostAsync("/v1/agents/a/sessions", null);
        var id = created!["session_id"]!.GetValue<string>();
        await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m1" });
        await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m2" });
        var (_, third, _) = await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m3" });
        Assert.True(third!["tokens"]!["input"]!.GetValue<int>() >= 7, third.ToJsonString());
        var (status, body, _) = await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m4" });
        Assert.Equal(200, status);
        Assert.Equal("ok", body!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sliding_window_keeps_the_newest_messages_starting_with_a_user_message()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", memory = new { strategy = "sliding_window", max_messages = 3 } }]);
        var script = Docs.Script(new { text = "r1" }, new { text = "r2" },
            new { text = "ok", expect = new { history_contains = "m2" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (_, created, _) = await rt.PostAsync("/v1/agents/a/sessions", null);
        var id = created!["session_id"]!.GetValue<string>();
        await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m1" });
        await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m2" });
        Assert.Equal(200, (await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "m3" })).Status);
    }

    [Fact]
    public async Task Block_guardrail_replaces_the_output_and_warn_passes_it()
    {
        var doc = Docs.Document([
            new { name = "b", model = "mock/echo", guardrails = new[] { "no-secrets" } },
            new { name = "w", model = "mock/echo", guardrails = new[] { "watch" } }],
            guardrails: new
            {
                @no_secrets = new { mode = "block", keywords = new[] { "PASSWORD" }, patterns = new[] { @"\d{4}-\d{4}" }, fallback = "I cannot share that." },
                watch = new { mode = "warn", keywords = new[] { "password" }, patterns = Array.Empty<string>() },
            });
        await using var rt = await RunningRuntime.StartAsync(doc.Replace("no_secrets", "no-secrets", StringComparison.Ordinal));
        var (_, blocked, _) = await rt.PostAsync("/v1/agents/b/invoke", new { message = "card 1234-5678" });
        Assert.Equal("I cannot share that.", blocked!["output"]!.GetValue<string>());
        Assert.Equal("guardrail", blocked["stop_reason"]!.GetValue<string>());
        Assert.True(blocked["guardrail"]!["blocked"]!.GetValue<bool>());
        var (_, warned, _) = await rt.PostAsync("/v1/agents/w/invoke", new { message = "my password" });
        Assert.Equal("my password", warned!["output"]!.GetValue<string>());
        Assert.False(warned["guardrail"]!["blocked"]!.GetValue<bool>());
        var (_, clean, _) = await rt.PostAsync("/v1/agents/b/invoke", new { message = "fine" });
        Assert.Null(clean!["guardrail"]);
        Assert.Contains("agentspec_guardrail_violations_total{agent=\"b\",guardrail=\"no-secrets\",mode=\"block\"} 1", await rt.MetricsAsync());
        var events = await rt.StreamAsync("b", new { message = "the PASSWORD is x" });
        Assert.Equal(["I cannot share that."], events.Where(e => e.Event == "text").Select(e => e.Data["text"]!.GetValue<string>()).ToArray());
        Assert.Equal("guardrail", events[^1].Data["stop_reason"]!.GetValue<string>());
        var fine = await rt.StreamAsync("b", new { message = "all good" });
        Assert.Equal(["all good"], fine.Where(e => e.Event == "text").Select(e => e.Data["text"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task Delegation_cycles_are_refused()
    {
        var doc = Docs.Document([
            new { name = "x", model = "mock/scripted/x", delegates = new[] { new { agent = "y", when = "always" } } },
            new { name = "y", model = "mock/scripted/y", delegates = new[] { new { agent = "x", when = "always" } } }]);
        var scripts = "{\"scripts\":{\"x\":[{\"tool_calls\":[{\"name\":\"delegate_to_y\",\"input\":{\"message\":\"go\"}}]},{\"text\":\"x done\"}],"
            + "\"y\":[{\"tool_calls\":[{\"name\":\"delegate_to_x\",\"input\":{\"message\":\"back\"}}]},{\"text\":\"y done\",\"expect\":{\"last_message_contains\":\"delegation cycle\"}}]}}";
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", scripts)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/x/invoke", new { message = "start" });
        Assert.Equal(200, status);
        Assert.Equal("x done", body!["output"]!.GetValue<string>());
        var nested = body["tool_calls"]!.AsArray().Single(c => c!["agent"]?.GetValue<string>() == "y")!;
        Assert.Equal("delegation cycle", nested["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_params_feed_prompt_variables_and_tools()
    {
        using var dir = new TempDirectory();
        var tool = dir.Script("cfg.sh", "#!/bin/bash\necho \"tier=$AGENTSPEC_CONFIG_TIER\"\n");
        var doc = Docs.Document([new { name = "my-agent", model = "mock/scripted", prompt = "p", skills = new[] { "cfg" },
            config = new object[] { new { name = "tier", type = "string", required = true, secret = false }, new { name = "limit", type = "int", required = false, secret = false, @default = 5 } } }],
            skills: new { cfg = new { description = "d", input = Array.Empty<object>(), tool = new { type = "command", binary = tool } } },
            prompts: new { p = new { content = "Tier {{tier}}, limit {{limit}}.", variables = new object[] { new { name = "tier", type = "string", required = true }, new { name = "limit", type = "string", required = false } } } });
        var script = Docs.Script(new { tool_calls = new[] { new { name = "cfg", input = new { } } }, expect = new { system_contains = "Tier gold, limit 5." } },
            new { text = "ok", expect = new { last_message_contains = "tier=gold" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("AGENTSPEC_MY_AGENT_TIER", "gold")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/my-agent/invoke", new { message = "x" });
        Assert.True(status == 200, body?.ToJsonString());
        var missing = await Assert.ThrowsAsync<AgentSpec.Runtime.Hosting.ConfigurationException>(() => RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script))));
        Assert.Contains("AGENTSPEC_MY_AGENT_TIER", missing.Message);
    }

    [Fact]
    public async Task Cors_answers_only_listed_origins()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/echo" }]);
        await using var rt = await RunningRuntime.StartAsync(doc, cors: ["https://app.example"]);
        foreach (var (origin, allowed) in new[] { ("https://app.example", true), ("https://evil.example", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/agents/a/invoke");
            request.Headers.Add("Origin", origin);
            var response = await rt.Client.SendAsync(request);
            Assert.Equal(204, (int)response.StatusCode);
            Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
            if (allowed)
            {
                Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
                Assert.Equal("86400", response.Headers.GetValues("Access-Control-Max-Age").Single());
            }
        }
    }
}
