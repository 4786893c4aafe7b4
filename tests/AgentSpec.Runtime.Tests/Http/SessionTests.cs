using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class SessionTests
{
    [Fact]
    public async Task Session_lifecycle_history_conflict_and_isolation()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/scripted" }, new { name = "b", model = "mock/echo" }]);
        var script = Docs.Script(
            new { text = "Nice to meet you" },
            new { text = "You are Ada", expect = new { history_contains = "My name is Ada" } },
            new { text = "slow", delay_ms = 800 });
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_MOCK_SCRIPT", script)));
        var (cs, created, _) = await rt.PostAsync("/v1/agents/a/sessions", new { metadata = new { user = "u1" } });
        Assert.Equal(201, cs);
        var id = created!["session_id"]!.GetValue<string>();
        Assert.Matches("^sess_[A-Za-z0-9_-]{22}$", id);
        Assert.Equal("a", created["agent"]!.GetValue<string>());
        var (s1, r1, _) = await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "My name is Ada" });
        Assert.Equal(200, s1);
        Assert.Equal(1, r1!["turn"]!.GetValue<int>());
        Assert.Equal(id, r1["session_id"]!.GetValue<string>());
        var (s2, r2, _) = await rt.PostAsync($"/v1/agents/a/sessions/{id}/continue", new { message = "Who am I?" });
        Assert.Equal(200, s2);
        Assert.Equal("You are Ada", r2!["output"]!.GetValue<string>());
        Assert.Equal(2, r2["turn"]!.GetValue<int>());
        var (ls, list, _) = await rt.GetAsync("/v1/agents/a/sessions");
        Assert.Equal(200, ls);
        Assert.Equal(1, list!["total"]!.GetValue<int>());
        Assert.Equal(2, list["sessions"]![0]!["turns"]!.GetValue<int>());
        Assert.Equal(404, (await rt.PostAsync($"/v1/agents/b/sessions/{id}", new { message = "x" })).Status);
        var slow1 = rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "one" });
        await Task.Delay(200);
        var (s3, r3, _) = await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "two" });
        Assert.Equal(409, s3);
        Assert.Equal("conflict", r3!["error"]!.GetValue<string>());
        Assert.Equal(200, (await slow1).Status);
        var del = await rt.Client.DeleteAsync($"/v1/agents/a/sessions/{id}");
        Assert.Equal(204, (int)del.StatusCode);
        Assert.Equal(404, (await rt.PostAsync($"/v1/agents/a/sessions/{id}", new { message = "x" })).Status);
        Assert.Equal(404, (int)(await rt.Client.DeleteAsync($"/v1/agents/a/sessions/{id}")).StatusCode);
        Assert.Equal(404, (await rt.PostAsync("/v1/agents/a/sessions/not-an-id", new { message = "x" })).Status);
    }

    [Fact]
    public async Task Session_id_on_invoke_behaves_like_a_session_message()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/echo" }]);
        await using var rt = await RunningRuntime.StartAsync(doc);
        var (_, created, _) = await rt.PostAsync("/v1/agents/a/sessions", null);
        var id = created!["session_id"]!.GetValue<string>();
        var (s, body, _) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "hey", session_id = id });
        Assert.Equal(200, s);
        Assert.Equal(id, body!["session_id"]!.GetValue<string>());
        var (_, agents, _) = await rt.GetAsync("/v1/agents");
        Assert.Equal(1, agents!["agents"]![0]!["active_sessions"]!.GetValue<int>());
    }
}
