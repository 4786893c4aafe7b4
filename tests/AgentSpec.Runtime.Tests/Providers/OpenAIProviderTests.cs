using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Providers;

public sealed class OpenAIProviderTests : IDisposable
{
    private const string Key = "sk-openai-test";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Doc(string model, bool stream = false) => Docs.Document(
        [new { name = "a", model, prompt = "p", skills = new[] { "search" }, stream, temperature = 0.2 }],
        skills: new { search = new { description = "Search", input = new[] { new { name = "query", type = "string", required = true } },
            tool = new { type = "command", binary = _dir.Script("s.sh", "#!/bin/bash\necho found\n") } } },
        prompts: new { p = new { content = "Be brief.", variables = Array.Empty<object>() } });

    private static string Completion(string message, string finish) =>
        $"{{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{{\"index\":0,\"message\":{message},\"finish_reason\":\"{finish}\"}}],\"usage\":{{\"prompt_tokens\":20,\"completion_tokens\":10,\"total_tokens\":30,\"prompt_tokens_details\":{{\"cached_tokens\":4}}}}}}";

    [Fact]
    public async Task Tool_calls_and_tool_messages_through_the_sdk()
    {
        await using var fake = await FakeProviderServer.OpenAIAsync(Key);
        fake.Enqueue(
            FakeResponse.Ok(Completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"query\\\":\\\"q\\\"}\"}},{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{broken\"}}]}", "tool_calls")),
            FakeResponse.Ok(Completion("{\"role\":\"assistant\",\"content\":\"answer\"}", "stop")));
        await using var rt = await RunningRuntime.StartAsync(Doc("gpt-4o"), Docs.Env(("OPENAI_API_KEY", Key), ("OPENAI_BASE_URL", fake.BaseUrl + "/v1")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "q?" });
        Assert.True(200 == status, body?.ToJsonString());
        Assert.Equal("answer", body!["output"]!.GetValue<string>());
        Assert.Equal(40, body["tokens"]!["input"]!.GetValue<int>());
        Assert.Equal(8, body["tokens"]!["cache_read"]!.GetValue<int>());
        Assert.Equal("invalid JSON arguments", body["tool_calls"]![1]!["error"]!.GetValue<string>());
        var requests = fake.Requests.ToArray();
        var first = requests[0].Body;
        Assert.Equal("gpt-4o", first["model"]!.GetValue<string>());
        Assert.Equal("system", first["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Contains("Be brief.", first["messages"]![0]!["content"]!.ToJsonString());
        Assert.Equal(0.2, first["temperature"]!.GetValue<double>(), 3);
        Assert.Equal("function", first["tools"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("search", first["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        var second = requests[1].Body["messages"]!.AsArray();
        var toolMessages = second.Where(m => m!["role"]!.GetValue<string>() == "tool").ToList();
        Assert.Equal(2, toolMessages.Count);
        Assert.Equal("call_1", toolMessages[0]!["tool_call_id"]!.GetValue<string>());
        Assert.StartsWith("ERROR: invalid JSON arguments", toolMessages[1]!["content"]!.ToJsonString().Trim('"'));
    }

    [Fact]
    public async Task Streaming_accumulates_tool_call_fragments_and_final_usage()
    {
        await using var fake = await FakeProviderServer.OpenAIAsync(Key);
        static string Chunk(string delta, string finish = "null") =>
            $"{{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{{\"index\":0,\"delta\":{delta},\"finish_reason\":{finish}}}]}}";
        const string usage = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}";
        fake.Enqueue(
            FakeResponse.Sse(
                Chunk("{\"role\":\"assistant\",\"content\":\"Check\"}"),
                Chunk("{\"content\":\"ing.\"}"),
                Chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"\"}}]}"),
                Chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"qu\"}}]}"),
                Chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ery\\\":\\\"\"}}]}"),
                Chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"x\\\"}\"}}]}"),
                Chunk("{}", "\"tool_calls\""),
                usage,
                "[DONE]"),
            FakeResponse.Sse(Chunk("{\"role\":\"assistant\",\"content\":\"Final\"}"), Chunk("{}", "\"stop\""), usage, "[DONE]"));
        await using var rt = await RunningRuntime.StartAsync(Doc("openai/gpt-4o", stream: true), Docs.Env(("OPENAI_API_KEY", Key), ("OPENAI_BASE_URL", fake.BaseUrl + "/v1")));
        var events = await rt.StreamAsync("a", new { message = "go" });
        Assert.Equal(["Check", "ing.", "Final"], events.Where(e => e.Event == "text").Select(e => e.Data["text"]!.GetValue<string>()).ToArray());
        Assert.Equal("x", Assert.Single(events, e => e.Event == "tool_call_start").Data["input"]!["query"]!.GetValue<string>());
        Assert.Equal("done", events[^1].Event);
        Assert.Equal(22, events[^1].Data["tokens"]!["input"]!.GetValue<int>());
        Assert.Equal(14, events[^1].Data["tokens"]!["output"]!.GetValue<int>());
    }

    [Fact]
    public async Task Server_errors_are_retried_and_compatible_base_urls_work()
    {
        await using var fake = await FakeProviderServer.OpenAIAsync(Key);
        fake.Enqueue(FakeResponse.Error(500), FakeResponse.Ok(Completion("{\"role\":\"assistant\",\"content\":\"recovered\"}", "stop")));
        await using var rt = await RunningRuntime.StartAsync(Doc("openai-compatible/llama3"), Docs.Env(("OPENAI_API_KEY", Key), ("OPENAI_BASE_URL", fake.BaseUrl + "/v1")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" });
        Assert.Equal(200, status);
        Assert.Equal("recovered", body!["output"]!.GetValue<string>());
        Assert.Equal(2, fake.Calls);
        Assert.Equal("llama3", fake.Requests.First().Body["model"]!.GetValue<string>());
        Assert.Equal("openai-compatible", (await rt.GetAsync("/v1/agents")).Body!["agents"]![0]!["provider"]!.GetValue<string>());
    }
}
