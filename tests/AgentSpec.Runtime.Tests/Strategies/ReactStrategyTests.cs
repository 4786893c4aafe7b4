using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Strategies;

public sealed class ReactStrategyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Doc(string binary, int maxTurns = 10, long tokenBudget = 100000, string timeout = "30s") => Docs.Document(
        [new { name = "a", model = "mock/scripted", skills = new[] { "lookup" }, max_turns = maxTurns, token_budget = tokenBudget, timeout }],
        skills: new
        {
            lookup = new
            {
                description = "Look up an order",
                input = new[] { new { name = "id", type = "string", required = true } },
                tool = new { type = "command", binary, timeout = "5s" },
            },
        });

    [Fact]
    public async Task Command_tool_runs_with_json_on_stdin_and_its_output_reaches_the_model()
    {
        var tool = _dir.Script("lookup.py", "#!/usr/bin/env python3\nimport json,sys,time\nd=json.load(sys.stdin)\ntime.sleep(0.05)\nprint('order %s shipped' % d['id'])\n");
        var script = Docs.Script(
            new { tool_calls = new[] { new { name = "lookup", input = new { id = "42" } } } },
            new { text = "done", expect = new { last_message_contains = "order 42 shipped" } });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "where is 42?" });
        Assert.Equal(200, status);
        Assert.Equal("done", body!["output"]!.GetValue<string>());
        Assert.Equal(2, body["turns"]!.GetValue<int>());
        var call = body["tool_calls"]![0]!;
        Assert.Equal("lookup", call["tool_name"]!.GetValue<string>());
        Assert.Equal("42", call["input"]!["id"]!.GetValue<string>());
        Assert.Equal("order 42 shipped", call["output"]!.GetValue<string>());
        Assert.True(call["duration_ms"]!.GetValue<long>() >= 50);
        Assert.Null(call["error"]);
        Assert.Contains("agentspec_tool_calls_total{agent=\"a\",tool=\"lookup\",status=\"success\"} 1", await rt.MetricsAsync());
    }

    [Fact]
    public async Task Tool_failure_is_fed_back_and_the_invocation_succeeds()
    {
        var tool = _dir.Script("fail.sh", "#!/bin/bash\necho boom >&2\nexit 3\n");
        var script = Docs.Script(
            new { tool_calls = new[] { new { name = "lookup", input = new { id = "1" } } } },
            new { text = "recovered", expect = new { last_message_contains = "exit code 3: boom" } });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal("exit code 3: boom", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tool_environment_is_minimal()
    {
        var tool = _dir.Script("env.sh", "#!/bin/bash\nenv | cut -d= -f1 | sort | tr '\\n' ' '\n");
        var script = Docs.Script(new { tool_calls = new[] { new { name = "lookup", input = new { id = "1" } } } }, new { text = "x" });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("SECRET_THING", "do-not-leak")));
        var (_, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        var names = body!["tool_calls"]![0]!["output"]!.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var allowed = new[] { "PATH", "HOME", "LANG", "PWD", "SHLVL", "_" };
        Assert.All(names, n => Assert.True(allowed.Contains(n) || n.StartsWith("AGENTSPEC_", StringComparison.Ordinal), n));
        Assert.Contains("AGENTSPEC_CORRELATION_ID", names);
        Assert.DoesNotContain("SECRET_THING", names);
    }

    [Fact]
    public async Task Invalid_input_and_unknown_tools_never_run_anything()
    {
        var marker = Path.Combine(_dir.Path, "ran");
        var tool = _dir.Script("mark.sh", $"#!/bin/bash\ntouch {marker}\n");
        var script = Docs.Script(
            new { tool_calls = new object[] { new { name = "lookup", input = new { id = 5 } }, new { name = "rm", input = new { } } } },
            new { text = "end", expect = new { last_message_contains = "unknown tool" } });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.StartsWith("invalid tool input:", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
        Assert.Equal("unknown tool", body["tool_calls"]![1]!["error"]!.GetValue<string>());
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Tool_timeout_kills_the_process()
    {
        var tool = _dir.Script("sleep.sh", "#!/bin/bash\nsleep 30\n");
        var doc = Doc(tool).Replace("\"timeout\":\"5s\"", "\"timeout\":\"300ms\"", StringComparison.Ordinal);
        var script = Docs.Script(new { tool_calls = new[] { new { name = "lookup", input = new { id = "1" } } } }, new { text = "end" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal("timed out after 300ms", body!["tool_calls"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Max_turns_stops_without_running_the_last_requested_tool()
    {
        var counter = Path.Combine(_dir.Path, "count");
        var tool = _dir.Script("count.sh", $"#!/bin/bash\necho x >> {counter}\necho ok\n");
        var script = Docs.Script(new { tool_calls = new[] { new { name = "lookup", input = new { id = "1" } } } });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool, maxTurns: 3), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal(3, body!["turns"]!.GetValue<int>());
        Assert.Equal("max_turns", body["stop_reason"]!.GetValue<string>());
        Assert.Equal(2, File.ReadAllLines(counter).Length);
    }

    [Fact]
    public async Task Token_budget_stops_with_its_reason()
    {
        var tool = _dir.Script("ok.sh", "#!/bin/bash\necho ok\n");
        var script = Docs.Script(new { text = "partial answer", tool_calls = new[] { new { name = "lookup", input = new { id = "1" } } }, usage = new { input = 10, output = 5 } });
        await using var rt = await RunningRuntime.StartAsync(Doc(tool, tokenBudget: 25), Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.Equal(200, status);
        Assert.Equal("token_budget", body!["stop_reason"]!.GetValue<string>());
        Assert.Equal(2, body["turns"]!.GetValue<int>());
        Assert.Equal(30, body["tokens"]!["total"]!.GetValue<int>());
        Assert.Equal("partial answer", body["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Timeout_is_504_with_partial_and_counted()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted", timeout = "500ms" }]);
        var script = Docs.Script(new { text = "late", delay_ms = 5000 });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "go" });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
        Assert.Equal(504, status);
        Assert.Equal("timeout", body!["error"]!.GetValue<string>());
        Assert.NotNull(body["partial"]);
        Assert.Contains("agentspec_invocations_total{agent=\"a\",status=\"timeout\",source=\"invoke\"} 1", await rt.MetricsAsync());
        var events = await rt.StreamAsync("a", new { message = "go" });
        Assert.Equal("error", events[^1].Event);
        Assert.Equal("timeout", events[^1].Data["error"]!.GetValue<string>());
    }
}
