namespace AgentSpec.Kubernetes.Tests.Fake;

/// <summary>One request the fake received (the journal of deployment spec §12.2).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? ContentType, string Body)
{
    public bool IsMutating => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => $"{Method} {Path}{Query}";
}
