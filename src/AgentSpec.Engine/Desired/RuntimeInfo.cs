namespace AgentSpec.Engine.Desired;

/// <summary>The runtime executable the process target starts: where it is and what it is (version, RID, SHA-256).</summary>
public sealed record RuntimeInfo(string Path, string Version, string Rid, string Sha256);
