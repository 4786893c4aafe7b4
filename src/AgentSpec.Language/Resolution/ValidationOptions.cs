namespace AgentSpec;

/// <summary>What <c>Test-AgentSpec</c> passes to <see cref="SpecValidation.Validate"/>.</summary>
public sealed class ValidationOptions
{
    /// <summary>The environment to overlay (null = the base document); ignored with <see cref="All"/>.</summary>
    public string? Environment { get; init; }

    /// <summary>The deploy that forms the target context; an unknown name is AS5019.</summary>
    public string? Target { get; init; }

    /// <summary>AS6xxx warnings become errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Validate the base document and every environment, tagging each diagnostic with its environment.</summary>
    public bool All { get; init; }
}
