using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine;

/// <summary>How to compute a plan: where the state is and how secrets are looked up.</summary>
public sealed class PlanSettings
{
    /// <summary>Full path of the state file.</summary>
    public required string StatePath { get; init; }

    /// <summary>The path as shown in plan text (relative when possible).</summary>
    public string? DisplayPath { get; init; }

    public required SecretResolver Secrets { get; init; }

    /// <summary>Read the live objects of the recorded resources and plan their drift (<c>-Refresh</c>, §9.3).</summary>
    public bool Refresh { get; init; }

    /// <summary>Plan without resolving any secret (fingerprints unknown).</summary>
    public bool NoSecrets { get; init; }

    /// <summary>The process bind address (AGENTSPEC_PROCESS_HOST, default 127.0.0.1).</summary>
    public string BindHost { get; init; } = DefaultBindHost();

    /// <summary>AGENTSPEC_PROCESS_HOST, else 127.0.0.1.</summary>
    public static string DefaultBindHost() =>
        Environment.GetEnvironmentVariable("AGENTSPEC_PROCESS_HOST") is { Length: > 0 } host ? host : "127.0.0.1";

    /// <summary>The base image of agent images (<c>-BaseImage</c>, else <c>AGENTSPEC_BASE_IMAGE</c>, else the .NET runtime-deps image).</summary>
    public string BaseImage { get; init; } = Providers.Docker.DockerResources.BaseImageFromEnvironment();

    /// <summary>How the target is reached when the plan needs its endpoint or apply contacts it.</summary>
    public TargetConnection Connection { get; init; } = TargetConnection.Environment;

    /// <summary>The docker target's network (<c>AGENTSPEC_DOCKER_NETWORK</c>), null for the engine default.</summary>
    public string? DockerNetwork { get; init; } = Providers.Docker.DockerResources.NetworkFromEnvironment();
}
