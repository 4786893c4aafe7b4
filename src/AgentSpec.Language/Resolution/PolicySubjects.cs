namespace AgentSpec.Resolution;

/// <summary>Policy subjects, their actions and value sets (language spec §7.1).</summary>
internal static class PolicySubjects
{
    public static readonly string[] All = ["model", "skill", "tool", "strategy", "target", "secret", "health", "resources", "autoscale"];

    public static readonly string[] ToolVariants = ["command", "http", "inline", "mcp"];

    /// <summary>The actions a subject accepts.</summary>
    public static string[] ActionsOf(string subject) => subject switch
    {
        "secret" or "health" or "resources" or "autoscale" => ["require"],
        _ => ["deny", "allow"],
    };

    /// <summary>True when the subject takes a value (everything except the block requirements).</summary>
    public static bool TakesValue(string subject) => subject is not ("health" or "resources" or "autoscale");

    /// <summary>The closed value set of a subject, or null when any text may match (model, skill, secret).</summary>
    public static IReadOnlyList<string>? ClosedSet(string subject) => subject switch
    {
        "tool" => ToolVariants,
        "strategy" => Binding.AttributeSchema.Strategies,
        "target" => Binding.AttributeSchema.TargetKinds,
        _ => null,
    };

    /// <summary>Whether a required block has an effect on a target kind (language spec §5.6 table).</summary>
    public static bool BlockApplies(string block, string? kind) => block switch
    {
        "health" => true,
        "resources" => kind is "docker" or "docker-compose" or "kubernetes",
        "autoscale" => kind is "kubernetes",
        _ => false,
    };
}
