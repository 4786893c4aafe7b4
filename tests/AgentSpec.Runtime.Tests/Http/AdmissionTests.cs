using AgentSpec.Runtime.Tests.Infrastructure;
using AgentSpec.Runtime.Tests.Providers;
using Xunit;

namespace AgentSpec.Runtime.Tests.Http;

public sealed class AdmissionTests
{
    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after()
    {
        var doc = Docs.Document([new { name = "a", model = "mock/echo" }]);
        // One token per 100 s and a burst of 2: the third request finds the bucket empty however slow the machine is.
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("AGENTSPEC_RATE_LIMIT", "0.01:2")));
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/a/invoke", new { message = "1" })).Status);
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/a/invoke", new { message = "2" })).Status);
        var (status, body, response) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "3" });
        Assert.Equal(429, status);
        Assert.Equal("rate_limited", body!["error"]!.GetValue<string>());
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 90, 100); // whole seconds until one token: (1 - tokens left) / 0.01
        Assert.Equal(200, (await rt.GetAsync("/v1/agents")).Status);
    }

    [Fact]
    public async Task Spent_budget_answers_429_until_the_period_resets()
    {
        await using var fake = await FakeProviderServer.AnthropicAsync("key-1");
        fake.Enqueue(FakeResponse.Ok("{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"output_tokens\":100}}"));
        var now = new DateTimeOffset(2026, 3, 4, 23, 59, 0, TimeSpan.Zero);
        var doc = Docs.Document([new { name = "a", model = "claude-sonnet-4-20250514", budget_daily = 0.001 }]);
        await using var rt = await RunningRuntime.StartAsync(doc, Docs.Env(("ANTHROPIC_API_KEY", "key-1"), ("ANTHROPIC_BASE_URL", fake.BaseUrl)), clock: () => now);
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" })).Status);
        var (status, body, response) = await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" });
        Assert.Equal(429, status);
        Assert.Equal("budget_exceeded", body!["error"]!.GetValue<string>());
        Assert.Equal("daily", body["period"]!.GetValue<string>());
        Assert.Equal("2026-03-05T00:00:00.000Z", body["resets_at"]!.GetValue<string>());
        Assert.Equal("a", body["agent"]!.GetValue<string>());
        Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("budget warning", rt.Log.ToString());
        Assert.Contains("agentspec_cost_dollars_total{agent=\"a\",model=\"claude-sonnet-4-20250514\"} 0.0018", await rt.MetricsAsync());
        now = now.AddMinutes(2);
        Assert.Equal(200, (await rt.PostAsync("/v1/agents/a/invoke", new { message = "x" })).Status);
    }
}
