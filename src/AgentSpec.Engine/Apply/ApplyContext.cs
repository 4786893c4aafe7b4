using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Apply;

/// <summary>What a provider call needs beyond the change itself.</summary>
public sealed class ApplyContext
{
    /// <summary>The folder of the state file; resource paths are relative to it.</summary>
    public required string StateFolder { get; init; }

    /// <summary>Secret name → resolved value (never logged; registered with <see cref="Redactor"/>).</summary>
    public IReadOnlyDictionary<string, string> SecretValues { get; init; } = new Dictionary<string, string>();

    public required Redactor Redactor { get; init; }

    public required IEngineEvents Events { get; init; }

    /// <summary>The plan being executed: providers that act on a whole stack (docker-compose) read every change of it.</summary>
    public Plan? Plan { get; init; }

    /// <summary>The state lineage; set by the applier when the first apply creates the state.</summary>
    public string Lineage { get; set; } = string.Empty;
}
