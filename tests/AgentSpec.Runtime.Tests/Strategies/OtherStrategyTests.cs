using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Strategies;

public sealed class OtherStrategyTests
{
    [Fact]
    public async Task Router_routes_to_the_named_delegate()
    {
        var doc = Docs.Document([
            new { name = "router", model = "mock/scripted/route", strategy = "router", delegates = new[] { new { agent = "billing-agent", when = "billing" }, new { agent = "tech-agent", when = "tech" } } },
            new { name = "billing-agent", model = "mock/echo" },
            new { name = "tech-agent", model = "mock/echo" }]);
        var scripts = "{\"scripts\":{\"route\":[{\"text\":\"`billing-agent`.\",\"expect\":{\"system_contains\":\"- billing-agent: billing\\n\"}}]}}";
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", scripts)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/router/invoke", new { message = "refund please" });
        Assert.Equal(200, status);
        Assert.Equal("refund please", body!["output"]!.GetValue<string>());
        Assert.Equal("billing-agent", body["routed_to"]!.GetValue<string>());
        Assert.Equal(2, body["turns"]!.GetValue<int>());
    }

    [Fact]
    public async Task Router_answering_none_answers_itself()
    {
        var doc = Docs.Document([
            new { name = "router", model = "mock/scripted", strategy = "router", delegates = new[] { new { agent = "billing-agent", when = "billing" } } },
            new { name = "billing-agent", model = "mock/echo" }]);
        var script = Docs.Script(new { text = "NONE" }, new { text = "I answer myself" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/router/invoke", new { message = "hello" });
        Assert.Equal(200, status);
        Assert.Equal("I answer myself", body!["output"]!.GetValue<string>());
        Assert.Null(body["routed_to"]);
    }

    [Fact]
    public async Task Plan_and_execute_streams_one_plan_and_synthesises()
    {
        var doc = Docs.Document([new { name = "p", model = "mock/scripted", strategy = "plan-and-execute" }]);
        var script = Docs.Script(new { text = "1. a\n2. b" }, new { text = "A done" }, new { text = "B done", expect = new { last_message_contains = "Execute step 2 of 2: b" } },
            new { text = "Final", expect = new { last_message_contains = "write the final answer to the original task:\ntask" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var events = await rt.StreamAsync("p", new { message = "task" });
        var plan = Assert.Single(events, e => e.Event == "plan");
        Assert.Equal(["a", "b"], plan.Data["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
        var done = Assert.Single(events, e => e.Event == "done");
        Assert.Equal("done", events[^1].Event);
        Assert.Equal("Final", done.Data["output"]!.GetValue<string>());
        Assert.Equal(4, done.Data["turns"]!.GetValue<int>());
        Assert.DoesNotContain(events, e => e.Event == "text" && e.Data["text"]!.GetValue<string>().Contains("1. a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_and_execute_replans_once_after_a_failed_step()
    {
        var doc = Docs.Document([new { name = "p", model = "mock/scripted", strategy = "plan-and-execute" }]);
        var script = Docs.Script(new { text = "1. a\n2. b" }, new { text = "STEP FAILED: x" }, new { text = "1. c" }, new { text = "C done" }, new { text = "Final" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var events = await rt.StreamAsync("p", new { message = "task" });
        Assert.Equal(2, events.Count(e => e.Event == "plan"));
        Assert.Equal("Final", events[^1].Data["output"]!.GetValue<string>());
        Assert.Equal(5, events[^1].Data["turns"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reflexion_revises_until_satisfied()
    {
        var doc = Docs.Document([new { name = "r", model = "mock/scripted", strategy = "reflexion" }]);
        var script = Docs.Script(new { text = "v1" }, new { text = "UNSATISFACTORY: too short" },
            new { text = "v2", expect = new { last_message_contains = "Critique:\nUNSATISFACTORY: too short" } }, new { text = "Satisfactory." });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var events = await rt.StreamAsync("r", new { message = "write" });
        var reflections = events.Where(e => e.Event == "reflection").ToList();
        Assert.Equal(2, reflections.Count);
        Assert.False(reflections[0].Data["satisfied"]!.GetValue<bool>());
        Assert.True(reflections[1].Data["satisfied"]!.GetValue<bool>());
        Assert.Equal("v2", events[^1].Data["output"]!.GetValue<string>());
        Assert.Equal(4, events[^1].Data["turns"]!.GetValue<int>());
    }

    [Fact]
    public async Task Map_reduce_maps_each_part_and_reduces_in_order()
    {
        var doc = Docs.Document([new { name = "m", model = "mock/echo", strategy = "map-reduce" }]);
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (status, body, _) = await rt.PostAsync("/v1/agents/m/invoke", new { message = "p1\n\np2\n  \np3" });
        Assert.Equal(200, status);
        Assert.Equal(4, body!["turns"]!.GetValue<int>());
        var output = body["output"]!.GetValue<string>();
        var i1 = output.IndexOf("--- Part 1 ---\nProcess part 1 of 3 of the input.\n\np1", StringComparison.Ordinal);
        var i2 = output.IndexOf("--- Part 2 ---\nProcess part 2 of 3 of the input.\n\np2", StringComparison.Ordinal);
        var i3 = output.IndexOf("--- Part 3 ---\nProcess part 3 of 3 of the input.\n\np3", StringComparison.Ordinal);
        Assert.True(i1 >= 0 && i2 > i1 && i3 > i2, output);
    }

    [Fact]
    public async Task Streaming_echo_sends_word_deltas_one_turn_and_one_final_done()
    {
        var doc = Docs.Document([new { name = "s", model = "mock/echo", stream = true }]);
        await using var rt = await RunningRuntime.StartAsync(doc);
        var events = await rt.StreamAsync("s", new { message = "a b c" });
        Assert.Equal(["a ", "b ", "c"], events.Where(e => e.Event == "text").Select(e => e.Data["text"]!.GetValue<string>()).ToArray());
        Assert.Single(events, e => e.Event == "turn");
        Assert.Single(events, e => e.Event == "done");
        Assert.Equal("done", events[^1].Event);
        Assert.Equal("a b c", events[^1].Data["output"]!.GetValue<string>());
        Assert.NotNull(events[^1].Data["tokens"]);
        Assert.All(events, e => Assert.Equal(e.Event, e.Data["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Retry_recovers_and_a_permanent_failure_is_502_after_all_attempts()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted/flaky", on_error = "retry", max_retries = 2 },
            new { name = "b", model = "mock/scripted/broken", on_error = "retry", max_retries = 2 }]);
        var scripts = "{\"scripts\":{\"flaky\":[{\"error\":{\"status\":500,\"message\":\"boom\"}},{\"text\":\"ok\"}],\"broken\":[{\"error\":{\"status\":500,\"message\":\"down\"}}]}}";
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", scripts), ("AGENTSPEC_PROVIDER_RETRIES", "0")));
        var (s1, b1, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" });
        Assert.Equal(200, s1);
        Assert.Equal("ok", b1!["output"]!.GetValue<string>());
        Assert.Equal(2, b1["attempts"]!.GetValue<int>());
        var (s2, b2, _) = await rt.PostAsync("/v1/agents/b/invoke", new { message = "x" });
        Assert.Equal(502, s2);
        Assert.Equal("provider_error", b2!["error"]!.GetValue<string>());
        Assert.Contains("mock", b2["message"]!.GetValue<string>());
        Assert.Contains("500", b2["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Provider_retries_honour_the_count_then_succeed()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted" }]);
        var script = Docs.Script(new { error = new { status = 429, message = "slow down", retry_after_s = 0.01 } }, new { error = new { status = 503, message = "busy" } }, new { text = "finally" });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("AGENTSPEC_PROVIDER_RETRIES", "2")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" });
        Assert.Equal(200, status);
        Assert.Equal("finally", body!["output"]!.GetValue<string>());
        var metrics = await rt.MetricsAsync();
        Assert.Contains("agentspec_model_retries_total{provider=\"mock\",model=\"scripted\",reason=\"429\"} 1", metrics);
        Assert.Contains("model call retry", rt.Log.ToString());
    }

    [Fact]
    public async Task Agent_fallback_hands_over_to_the_backup()
    {
        var doc = Docs.Document([new { name = "primary", model = "mock/scripted", on_error = "fallback", fallback = "backup" },
            new { name = "backup", model = "mock/echo" }]);
        var script = Docs.Script(new { error = new { status = 400, message = "bad request" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/primary/invoke", new { message = "hi" });
        Assert.Equal(200, status);
        Assert.Equal("hi", body!["output"]!.GetValue<string>());
        Assert.Equal("backup", body["handled_by"]!.GetValue<string>());
        Assert.Equal("primary", body["fallback_from"]!.GetValue<string>());
    }

    [Fact]
    public async Task Model_fallback_moves_down_the_chain()
    {
        var doc = Docs.Document([new { name = "a", models = new[] { "mock/scripted", "mock/echo" } }]);
        var script = Docs.Script(new { error = new { status = 529, message = "overloaded" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script), ("AGENTSPEC_PROVIDER_RETRIES", "1")));
        var (status, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "hi there" });
        Assert.Equal(200, status);
        Assert.Equal("hi there", body!["output"]!.GetValue<string>());
        Assert.Equal("echo", body["model"]!.GetValue<string>());
        Assert.Equal(["echo"], body["fallback_models"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
        Assert.Contains("agentspec_fallback_total{agent=\"a\",from_model=\"scripted\",to_model=\"echo\"} 1", await rt.MetricsAsync());
    }

    [Fact]
    public async Task Delegation_tool_invokes_the_other_agent()
    {
        var doc = Docs.Document([new { name = "boss", model = "mock/scripted", delegates = new[] { new { agent = "worker", when = "work" } } },
            new { name = "worker", model = "mock/echo" }]);
        var script = Docs.Script(
            new { tool_calls = new[] { new { name = "delegate_to_worker", input = new { message = "do it" } } }, expect = new { tools_include = new[] { "delegate_to_worker" } } },
            new { text = "worker said", expect = new { last_message_contains = "do it" } });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (status, body, _) = await rt.PostAsync("/v1/agents/boss/invoke", new { message = "please" });
        Assert.Equal(200, status);
        Assert.Equal("worker said", body!["output"]!.GetValue<string>());
        Assert.Equal("delegate_to_worker", body["tool_calls"]![0]!["tool_name"]!.GetValue<string>());
        Assert.Equal("do it", body["tool_calls"]![0]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pipeline_runs_independent_steps_concurrently_and_skips_after_failure()
    {
        var doc = Docs.Document([new { name = "slow-a", model = "mock/scripted/a" }, new { name = "slow-b", model = "mock/scripted/b" }, new { name = "c", model = "mock/scripted/c" }],
            pipelines: new
            {
                review = new
                {
                    steps = new object[]
                    {
                        new { name = "a", agent = "slow-a" }, new { name = "b", agent = "slow-b" },
                        new { name = "c", agent = "c", depends_on = new[] { "a", "b" } },
                    },
                },
            });
        var ok = "{\"scripts\":{\"a\":[{\"text\":\"A\",\"delay_ms\":1000}],\"b\":[{\"text\":\"B\",\"delay_ms\":1000},{\"error\":{\"status\":400,\"message\":\"no\"}}],\"c\":[{\"text\":\"C\",\"expect\":{\"last_message_contains\":\"## a\\nA\\n\\n## b\\nB\"}}]}}";
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", ok)));
        var (status, body, _) = await rt.PostAsync("/v1/pipelines/review/run", new { input = "x" });
        Assert.Equal(200, status);
        Assert.Equal("completed", body!["status"]!.GetValue<string>());
        Assert.Equal("C", body["output"]!.GetValue<string>());
        Assert.True(body["total_duration_ms"]!.GetValue<long>() < 1800);
        var (_, failed, _) = await rt.PostAsync("/v1/pipelines/review/run", new { trigger = new { k = 1 } });
        Assert.Equal("failed", failed!["status"]!.GetValue<string>());
        Assert.Equal("skipped", failed["steps"]!["c"]!["status"]!.GetValue<string>());
        Assert.Equal("failed", failed["steps"]!["b"]!["status"]!.GetValue<string>());
        Assert.Equal(400, (await rt.PostAsync("/v1/pipelines/review/run", new { })).Status);
        Assert.Equal(404, (await rt.PostAsync("/v1/pipelines/nope/run", new { input = "x" })).Status);
    }
}
