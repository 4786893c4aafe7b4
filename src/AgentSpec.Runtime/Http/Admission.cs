using System.Globalization;
using System.Text.Json.Nodes;
using AgentSpec.Runtime.Execution;
using Microsoft.AspNetCore.Http;

namespace AgentSpec.Runtime.Http;

/// <summary>Rate limiting (spec §7.1) and spend budgets (§4.13) of invoke-like routes.</summary>
public static class Admission
{
    /// <summary>Takes a rate-limit token for the caller's key (or client IP); 429 <c>rate_limited</c> when the bucket is empty.</summary>
    public static void RateLimit(HttpContext context, ApiState state, RequestInfo info)
    {
        if (state.RateLimiter is null) return;
        var key = info.Principal?.KeyId ?? ClientIp(context, state.TrustProxy);
        if (state.RateLimiter.TryTake(key) is int wait)
        {
            throw new ApiException(429, "rate_limited", "rate limit exceeded", null,
                new Dictionary<string, string> { ["Retry-After"] = wait.ToString(CultureInfo.InvariantCulture) });
        }
    }

    /// <summary>429 <c>budget_exceeded</c> when the agent's daily or monthly budget is spent.</summary>
    public static void Budget(ApiState state, ServedAgent agent)
    {
        if (state.Runtime.Budgets is not { } budgets || budgets.Exhausted(agent) is not { } exhausted) return;
        var seconds = Math.Max(1, (long)Math.Ceiling((exhausted.ResetsAt - budgets.Now).TotalSeconds));
        throw new ApiException(429, "budget_exceeded", $"{exhausted.Period} budget of agent \"{agent.Name}\" is exhausted",
            new JsonObject
            {
                ["agent"] = agent.Name,
                ["period"] = exhausted.Period,
                ["resets_at"] = SessionsEndpoint.Timestamp(exhausted.ResetsAt),
            },
            new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) });
    }

    private static string ClientIp(HttpContext context, bool trustProxy)
    {
        if (trustProxy && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            return forwarded.Split(',')[0].Trim();
        }
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
