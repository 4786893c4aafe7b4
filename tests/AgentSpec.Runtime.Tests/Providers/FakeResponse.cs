namespace AgentSpec.Runtime.Tests.Providers;

/// <summary>One scripted answer of a fake provider: JSON, SSE events, an error status, or a stall.</summary>
public sealed record FakeResponse(int Status, string? Json = null, IReadOnlyList<string>? SseData = null,
    IReadOnlyDictionary<string, string>? Headers = null, bool Stall = false)
{
    public static FakeResponse Ok(string json) => new(200, json);

    public static FakeResponse Sse(params string[] data) => new(200, SseData: data);

    public static FakeResponse Error(int status, string json = "{\"error\":{\"type\":\"api_error\",\"message\":\"fake failure\"}}",
        IReadOnlyDictionary<string, string>? headers = null) => new(status, json, Headers: headers);
}
