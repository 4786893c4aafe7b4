using System.Text.Json.Nodes;
using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Providers;

public sealed class AnthropicProviderTests : IDisposable
{
    private const string Key = "sk-ant-test-key";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Doc(bool stream = false, object? models = null) => Docs.Document(
        [models is null
            ? new { name = "assistant", model = "claude-sonnet-4-20250514", prompt = "system", skills = new[] { "search" }, temperature = 1.5, stream, max_tokens = 1000 }
            : (object)new { name = "assistant", models, prompt = "system", skills = new[] { "search" }, stream }],
        skills: new
        {
            search = new
            {
                description = "Search the knowledge base",
                input = new object[] { new { name = "query", type = "string", required = true }, new { name = "limit", type = "int", required = false } },
                tool = new { type = "command", binary = _dir.Script("search-tool", "#!/bin/bash\nread line\necho \"results for $line\"\n") },
            },
        },
        prompts: new { system = new { content = "You are a production assistant.", variables = Array.Empty<object>() } });

    private static string Message(string content, string stop, int input, int output) =>
        $"{{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":{content},\"stop_reason\":\"{stop}\",\"stop_sequence\":null,\"usage\":{{\"input_tokens\":{input},\"output_tokens\":{output},\"cache_read_input_tokens\":3,\"cache_creation_input_tokens\":1}}}}";

    [Fact]
    public async Task Tool_use_round_trip_through_the_sdk()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        fake.Enqueue(
            FakeResponse.Ok(Message("[{\"type\":\"text\",\"text\":\"Searching.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"search\",\"input\":{\"query\":\"kb\"}}]", "tool_use", 20, 10)),
            FakeResponse.Ok(Message("[{\"type\":\"text\",\"text\":\"Found \"},{\"type\":\"text\",\"text\":\"it.\"}]", "end_turn", 40, 5)));
        await using var rt = await RunningRuntime.StartAsync(Doc(), Docs.Env(("ANTHROPIC_API_KEY", Key), ("ANTHROPIC_BASE_URL", fake.BaseUrl)));
        var (status, body, response) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "find kb" });
        Assert.True(200 == status, body?.ToJsonString());
        Assert.Equal("Found it.", body!["output"]!.GetValue<string>());
        Assert.Equal(60, body["tokens"]!["input"]!.GetValue<int>());
        Assert.Equal(15, body["tokens"]!["output"]!.GetValue<int>());
        Assert.Equal(6, body["tokens"]!["cache_read"]!.GetValue<int>());
        Assert.Equal(2, body["tokens"]!["cache_write"]!.GetValue<int>());
        Assert.Equal("results for {\"query\":\"kb\"}", body["tool_calls"]![0]!["output"]!.GetValue<string>());
        Assert.Equal("claude-sonnet-4-20250514", body["model"]!.GetValue<string>());
        var requests = fake.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var first = requests[0].Body;
        Assert.Equal("You are a production assistant.", first["system"]!.GetValue<string>());
        Assert.Equal(1.0, first["temperature"]!.GetValue<double>());
        Assert.Equal(1000, first["max_tokens"]!.GetValue<int>());
        Assert.Equal("{\"name\":\"search\",\"description\":\"Search the knowledge base\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}},\"required\":[\"query\"]}}",
            first["tools"]![0]!.ToJsonString());
        Assert.Equal(response.Headers.GetValues("X-Correlation-ID").Single(), requests[0].Headers["X-Correlation-ID"].ToString());
        var second = requests[1].Body["messages"]!.AsArray();
        Assert.Equal(3, second.Count);
        Assert.Equal("tool_result", second[2]!["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("toolu_1", second[2]!["content"]![0]!["tool_use_id"]!.GetValue<string>());
        Assert.Contains("temperature 1.5 clamped to 1", rt.Log.ToString());
    }

    [Fact]
    public async Task Streaming_forwards_text_deltas_and_assembles_tool_input_fragments()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        fake.Enqueue(
            FakeResponse.Sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me \"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"look.\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"search\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"que\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ry\\\": \\\"st\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"ream\\\"}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}",
                "{\"type\":\"message_stop\"}"),
            FakeResponse.Sse(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":30,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Done.\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}",
                "{\"type\":\"message_stop\"}"));
        await using var rt = await RunningRuntime.StartAsync(Doc(stream: true), Docs.Env(("ANTHROPIC_API_KEY", Key), ("ANTHROPIC_BASE_URL", fake.BaseUrl)));
        var events = await rt.StreamAsync("assistant", new { message = "go" });
        Assert.Equal(["Let me ", "look.", "Done."], events.Where(e => e.Event == "text").Select(e => e.Data["text"]!.GetValue<string>()).ToArray());
        var start = Assert.Single(events, e => e.Event == "tool_call_start");
        Assert.Equal("stream", start.Data["input"]!["query"]!.GetValue<string>());
        Assert.Equal(2, events.Count(e => e.Event == "turn"));
        Assert.Equal("done", events[^1].Event);
        Assert.Equal(42, events[^1].Data["tokens"]!["input"]!.GetValue<int>());
        Assert.Equal(17, events[^1].Data["tokens"]!["output"]!.GetValue<int>());
        Assert.True(fake.Requests.First().Body["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Retries_429_with_retry_after_and_never_retries_400()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        fake.Enqueue(FakeResponse.Error(429, headers: new Dictionary<string, string> { ["retry-after"] = "1" }),
            FakeResponse.Ok(Message("[{\"type\":\"text\",\"text\":\"ok\"}]", "end_turn", 1, 1)));
        await using var rt = await RunningRuntime.StartAsync(Doc(), Docs.Env(("ANTHROPIC_API_KEY", Key), ("ANTHROPIC_BASE_URL", fake.BaseUrl)), noRetryDelay: false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (status, body, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "x" });
        Assert.Equal(200, status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retry came after {watch.Elapsed}");
        Assert.Equal("ok", body!["output"]!.GetValue<string>());
        Assert.Equal(2, fake.Calls);
        fake.Enqueue(FakeResponse.Error(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad thing\"}}"));
        var (s2, b2, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "x" });
        Assert.Equal(502, s2);
        Assert.Equal("provider_error", b2!["error"]!.GetValue<string>());
        Assert.Contains("anthropic", b2["message"]!.GetValue<string>());
        Assert.Contains("400", b2["message"]!.GetValue<string>());
        Assert.Equal(3, fake.Calls);
    }

    [Fact]
    public async Task Wrong_key_is_401_without_retry()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        await using var rt = await RunningRuntime.StartAsync(Doc(), Docs.Env(("ANTHROPIC_API_KEY", "wrong-key-value"), ("ANTHROPIC_BASE_URL", fake.BaseUrl)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "x" });
        Assert.Equal(502, status);
        Assert.Contains("401", body!["message"]!.GetValue<string>());
        Assert.Equal(1, fake.Calls);
    }

    [Fact]
    public async Task Model_fallback_after_529_retries()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        fake.Enqueue(FakeResponse.Error(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        await using var rt = await RunningRuntime.StartAsync(Doc(models: new[] { "claude-x", "mock/echo" }),
            Docs.Env(("ANTHROPIC_API_KEY", Key), ("ANTHROPIC_BASE_URL", fake.BaseUrl), ("AGENTSPEC_PROVIDER_RETRIES", "2")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "echo me" });
        Assert.Equal(200, status);
        Assert.Equal("echo me", body!["output"]!.GetValue<string>());
        Assert.Equal("echo", body["model"]!.GetValue<string>());
        Assert.Equal(3, fake.Calls);
        Assert.Contains("agentspec_fallback_total{agent=\"assistant\",from_model=\"claude-x\",to_model=\"echo\"} 1", await rt.MetricsAsync());
    }

    [Fact]
    public async Task Production_example_serves_with_a_key_and_is_unhealthy_without()
    {
        // The runtime document of ../shared/corpus/seed/production-best-practices.ias (deploy "dev"), written by hand until
        // the language resolver can build it.
        var tools = new TempDirectory();
        var searchTool = tools.Script("search-tool", "#!/bin/bash\necho result\n");
        var doc = Docs.Document(
            [new { name = "assistant", fqn = "production-best-practices/Agent/assistant", prompt = "system", model = "claude-sonnet-4-20250514", skills = new[] { "search" },
                strategy = "react", max_turns = 15, timeout = "60s", token_budget = 200000, temperature = 0.3, on_error = "retry", max_retries = 3 }],
            skills: new { search = new { description = "Search the knowledge base", input = new[] { new { name = "query", type = "string", required = true } },
                output = new[] { new { name = "results", type = "string", required = false } }, tool = new { type = "command", binary = "search-tool" } } },
            prompts: new { system = new { content = "You are a production assistant. Provide accurate responses,\nfollow security best practices, and never expose sensitive data.", variables = Array.Empty<object>() } },
            secrets: new Dictionary<string, object> { ["api-key"] = new { env = "ANTHROPIC_API_KEY" } },
            extra: new { deploy = new { name = "dev", target = "process", port = 8080, health_path = "/healthz" }, settings = new { LOG_LEVEL = "debug" } });
        await using var fake = await FakeProviderServer.AnthropicAsync(Key);
        fake.Enqueue(FakeResponse.Ok(Message("[{\"type\":\"text\",\"text\":\"All good.\"}]", "end_turn", 25, 3)));
        var path = tools.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        await using (var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("ANTHROPIC_API_KEY", Key), ("ANTHROPIC_BASE_URL", fake.BaseUrl), ("PATH", path))))
        {
            Assert.Equal(200, (await rt.GetAsync("/healthz")).Status);
            var (_, agents, _) = await rt.GetAsync("/v1/agents");
            Assert.Equal("assistant", agents!["agents"]![0]!["name"]!.GetValue<string>());
            Assert.Equal("search", agents["agents"]![0]!["skills"]![0]!.GetValue<string>());
            var (status, body, _) = await rt.PostAsync("/v1/agents/assistant/invoke", new { message = "hello" });
            Assert.Equal(200, status);
            Assert.Equal("All good.", body!["output"]!.GetValue<string>());
            Assert.Equal(28, body["tokens"]!["total"]!.GetValue<int>());
        }
        await using (var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("ANTHROPIC_BASE_URL", fake.BaseUrl), ("PATH", path))))
        {
            var (status, body, _) = await rt.GetAsync("/healthz");
            Assert.Equal(503, status);
            var check = body!["checks"]!.AsArray().Single(c => c!["status"]!.GetValue<string>() == "fail")!;
            Assert.Equal("provider:assistant", check["name"]!.GetValue<string>());
            Assert.Contains("ANTHROPIC_API_KEY not set", check["detail"]!.GetValue<string>());
        }
        tools.Dispose();
    }
}
