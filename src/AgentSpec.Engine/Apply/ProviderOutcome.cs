using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Apply;

/// <summary>The result of one provider call: success with what was observed, or a (redacted) error.</summary>
public sealed record ProviderOutcome(bool Succeeded, JsonObject Observed, string? Message = null, string? Error = null, string? ErrorId = null)
{
    public static ProviderOutcome Ok(JsonObject observed, string? message = null) => new(true, observed, message);

    public static ProviderOutcome Fail(string error, string errorId = ErrorIds.ResourceApplyFailed) => new(false, new JsonObject(), null, error, errorId);
}
