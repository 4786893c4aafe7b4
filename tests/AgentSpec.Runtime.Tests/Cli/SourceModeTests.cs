using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Cli;
using AgentSpec.Runtime.Tests.Infrastructure;
using AgentSpec.Runtime.Tests.Providers;
using AgentSpec.RuntimeModel;
using Xunit;

namespace AgentSpec.Runtime.Tests.Cli;

public sealed class SourceModeTests : IDisposable
{
    private const string Demo = """
        package "demo" version "1.0.0" lang "2.0"

        prompt "p" {
          content "You help {{name}}."
        }

        agent "helper" {
          uses prompt "p"
          model "mock/echo"
          max_turns 4
        }

        deploy "local" target "process" {
          default true
          port 8080
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Message(string text, int input, int output) =>
        $"{{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{{\"type\":\"text\",\"text\":\"{text}\"}}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{{\"input_tokens\":{input},\"output_tokens\":{output}}}}}";

    [Fact]
    public async Task Production_example_is_served_from_source()
    {
        var seed = RepositoryPaths.Corpus("seed", "production-best-practices.ias");
        Assert.True(File.Exists(seed), seed);
        _dir.Script("search-tool", "#!/bin/bash\nread line\necho \"results for $line\"\n");
        await using var fake = await FakeProviderServer.AnthropicAsync("sk-ant-seed");
        fake.Enqueue(FakeResponse.Ok(Message("Hello from the fake.", 31, 7)));
        var path = _dir.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        using (var rt = RuntimeProcess.Start(["run", seed, "--host", "127.0.0.1", "--port", "0"],
            Docs.Env(("ANTHROPIC_API_KEY", "sk-ant-seed"), ("ANTHROPIC_BASE_URL", fake.BaseUrl), ("PATH", path))))
        {
            var port = await rt.WaitForPortAsync();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await client.GetAsync("/healthz");
            Assert.Equal(200, (int)health.StatusCode);
            var agents = JsonNode.Parse(await client.GetStringAsync("/v1/agents"))!;
            Assert.Equal("assistant", agents["agents"]![0]!["name"]!.GetValue<string>());
            Assert.Equal("production-best-practices/Agent/assistant", agents["agents"]![0]!["fqn"]!.GetValue<string>());
            var invoke = await client.PostAsync("/v1/agents/assistant/invoke", new StringContent("{\"message\":\"hi\"}"));
            var body = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
            Assert.Equal(200, (int)invoke.StatusCode);
            Assert.Equal("Hello from the fake.", body["output"]!.GetValue<string>());
            Assert.Equal(38, body["tokens"]!["total"]!.GetValue<int>());
            Assert.Equal(0.3, fake.Requests.Single().Body["temperature"]!.GetValue<double>(), 3);
            Assert.Contains("You are a production assistant.", fake.Requests.Single().Body["system"]!.GetValue<string>());
        }
        using (var rt = RuntimeProcess.Start(["run", seed, "--host", "127.0.0.1", "--port", "0"], Docs.Env(("ANTHROPIC_BASE_URL", fake.BaseUrl), ("PATH", path))))
        {
            var port = await rt.WaitForPortAsync();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await client.GetAsync("/healthz");
            Assert.Equal(503, (int)health.StatusCode);
            var check = JsonNode.Parse(await health.Content.ReadAsStringAsync())!["checks"]!.AsArray().Single(c => c!["status"]!.GetValue<string>() == "fail")!;
            Assert.Equal("provider:assistant", check["name"]!.GetValue<string>());
            Assert.Contains("ANTHROPIC_API_KEY not set", check["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Source_and_exported_document_serve_identically()
    {
        var spec = _dir.WriteFile("demo.ias", Demo);
        var loaded = SourceLoader.Load(spec, null, null, TextWriter.Null) ?? throw new InvalidOperationException("demo.ias did not load");
        var config = _dir.WriteFile("config.json", RuntimeDocumentSerializer.Serialize(loaded.Document));
        var results = new List<(string Agents, string Invoke, string Health)>();
        foreach (var args in new[] { new[] { "run", spec }, ["run", "--config", config] })
        {
            using var rt = RuntimeProcess.Start([.. args, "--host", "127.0.0.1", "--port", "0"]);
            var port = await rt.WaitForPortAsync();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var agents = await client.GetStringAsync("/v1/agents");
            var invoke = JsonNode.Parse(await (await client.PostAsync("/v1/agents/helper/invoke",
                new StringContent("{\"message\":\"hello there\",\"variables\":{\"name\":\"Ada\"}}"))).Content.ReadAsStringAsync())!.AsObject();
            invoke.Remove("duration_ms");
            var health = JsonNode.Parse(await client.GetStringAsync("/healthz"))!.AsObject();
            health.Remove("uptime");
            health.Remove("uptime_seconds");
            results.Add((agents, invoke.ToJsonString(), health.ToJsonString()));
        }
        Assert.Equal(results[0], results[1]);
        Assert.StartsWith("sha256:", loaded.Document.SpecHash);
        Assert.Equal(loaded.Document.SpecHash, RuntimeDocumentBuilder.Hash(RuntimeDocumentSerializer.Deserialize(File.ReadAllText(config), "c")));
    }

    [Fact]
    public async Task Invalid_sources_exit_3_with_diagnostics_and_ambiguous_directories_exit_2()
    {
        var bad = _dir.WriteFile("bad.ias", "package \"x\" version \"1.0.0\" lang \"2.0\"\nagent \"a\" {\n  modell \"x\"\n}\n");
        var (code, _, stderr) = await RuntimeProcess.RunAsync(["run", bad, "--port", "0"]);
        Assert.Equal(3, code);
        Assert.Contains("AS1013", stderr);
        _dir.WriteFile("demo.ias", Demo);
        var (ambiguous, _, message) = await RuntimeProcess.RunAsync(["run", _dir.Path, "--port", "0"]);
        Assert.Equal(2, ambiguous);
        Assert.Contains("bad.ias, demo.ias", message);
        var (missing, _, _) = await RuntimeProcess.RunAsync(["run", Path.Combine(_dir.Path, "none.ias")]);
        Assert.Equal(2, missing);
    }

    [Fact]
    public void Policies_are_not_evaluated_by_run_and_store_secrets_map_to_their_variable()
    {
        var seed = RepositoryPaths.Corpus("seed", "production-best-practices.ias");
        var dev = SourceLoader.Load(seed, "dev", null, TextWriter.Null) ?? throw new InvalidOperationException("dev did not load");
        Assert.Equal("claude-haiku-latest", dev.Document.Agents[0].Model);
        Assert.Equal("debug", dev.Document.Settings["LOG_LEVEL"]);
        var production = SourceLoader.Load(seed, "prod", "production", TextWriter.Null) ?? throw new InvalidOperationException("production did not load");
        Assert.Equal("ANTHROPIC_API_KEY", production.Document.Secrets["api-key"].Env);
        Assert.Equal("json", production.Document.Settings["LOG_FORMAT"]);
        Assert.Equal(15, production.Document.Agents[0].MaxTurns);
        Assert.Equal("60s", production.Document.Agents[0].Timeout);
        Assert.Equal(3, production.Document.Agents[0].MaxRetries);
        Assert.Equal(8080, production.Document.Deploy!.Port);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{0.3}"), production.Document.Agents[0].Temperature?.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_swaps_in_valid_changes_and_keeps_serving_after_invalid_ones()
    {
        var spec = _dir.WriteFile("demo.ias", Demo);
        using var rt = RuntimeProcess.Start(["run", spec, "--watch", "--host", "127.0.0.1", "--port", "0"]);
        var port = await rt.WaitForPortAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        async Task<int> AgentCount() => JsonNode.Parse(await client.GetStringAsync("/v1/agents"))!["agents"]!.AsArray().Count;
        Assert.Equal(1, await AgentCount());
        await File.WriteAllTextAsync(spec, Demo.Replace("deploy \"local\"", "agent \"second\" {\n  uses prompt \"p\"\n  model \"mock/echo\"\n}\n\ndeploy \"local\"", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await AgentCount() != 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(2, await AgentCount());
        Assert.Contains("config reloaded", rt.Stderr);
        await File.WriteAllTextAsync(spec, "package \"demo\" version \"1.0.0\" lang \"2.0\"\nagent \"a\" {\n  modell \"x\"\n}\n");
        deadline = DateTime.UtcNow.AddSeconds(15);
        while (!rt.Stderr.Contains("config reload failed", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("config reload failed", rt.Stderr);
        Assert.Contains("AS1013", rt.Stderr);
        Assert.Equal(2, await AgentCount());
        var invoke = await client.PostAsync("/v1/agents/second/invoke", new StringContent("{\"message\":\"still here\",\"variables\":{\"name\":\"x\"}}"));
        Assert.Equal(200, (int)invoke.StatusCode);
    }
}
