using System.Text.Json.Nodes;

namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>A failed API call, answered as a <c>Status</c> object.</summary>
public sealed class FakeApiException : Exception
{
    public FakeApiException(int code, string reason, string message, JsonArray? causes = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Causes = causes;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonArray? Causes { get; }

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Causes is null ? null : new JsonObject { ["causes"] = Causes.DeepClone() },
        ["code"] = Code,
    };
}
