using AgentSpec.Runtime.Tests.Infrastructure;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class AuthTests
{
    private static readonly string Doc = Docs.Document([new { name = "helper", model = "mock/echo" }, new { name = "other", model = "mock/echo" }],
        extra: new { users = new { alice = new { key_env = "ALICE_KEY", agents = new[] { "helper" }, role = "invoke" } } });

    [Fact]
    public async Task Keys_from_either_header_with_rotation_and_open_health_and_metrics()
    {
        await using var rt = await RunningRuntime.StartAsync(Doc, Docs.Env(("AGENTSPEC_API_KEY", "k1-longer-key,k2")));
        var (s, body, r) = await rt.GetAsync("/v1/agents");
        Assert.Equal(401, s);
        Assert.Equal("unauthorized", body!["error"]!.GetValue<string>());
        Assert.Equal("Missing or invalid API key", body["message"]!.GetValue<string>());
        Assert.True(r.Headers.Contains("X-Correlation-ID"));
        Assert.Equal("Bearer realm=\"agentspec\"", r.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal(200, (await rt.GetAsync("/v1/agents", new Dictionary<string, string> { ["X-API-Key"] = "k2" })).Status);
        Assert.Equal(200, (await rt.GetAsync("/v1/agents", new Dictionary<string, string> { ["Authorization"] = "bearer k1-longer-key" })).Status);
        Assert.Equal(401, (await rt.GetAsync("/v1/agents", new Dictionary<string, string> { ["X-API-Key"] = "k3" })).Status);
        Assert.Equal(401, (await rt.GetAsync("/v1/agents", new Dictionary<string, string> { ["X-API-Key"] = "k1-longer-keyX" })).Status);
        Assert.Equal(200, (await rt.GetAsync("/healthz")).Status);
        Assert.Equal(200, (await rt.GetAsync("/v1/metrics")).Status);
        Assert.DoesNotContain("k1-longer-key", rt.Log.ToString());
        Assert.Contains("authentication failed", rt.Log.ToString());
    }

    [Fact]
    public async Task Users_see_and_use_only_their_agents()
    {
        await using var rt = await RunningRuntime.StartAsync(Doc, Docs.Env(("ALICE_KEY", "alice-secret")));
        var alice = new Dictionary<string, string> { ["X-API-Key"] = "alice-secret" };
        var (_, list, _) = await rt.GetAsync("/v1/agents", alice);
        Assert.Equal(["helper"], list!["agents"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToArray());
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/helper/invoke", new { message = "hi" }, alice)).Status);
        var (s, body, _) = await rt.PostAsync("/v1/agents/other/invoke", new { message = "hi" }, alice);
        Assert.Equal(403, s);
        Assert.Equal("forbidden", body!["error"]!.GetValue<string>());
    }
}
