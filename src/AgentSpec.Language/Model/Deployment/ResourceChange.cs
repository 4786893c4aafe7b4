using System.Text.Json.Nodes;

namespace AgentSpec;

/// <summary>
/// One resource of a plan with the action it gets (deployment spec §5.1). <see cref="After"/> is the complete desired
/// attribute object (secrets as fingerprints), so a saved plan can be applied without the specification.
/// </summary>
public sealed class ResourceChange
{
    public string Address { get; init; } = string.Empty;

    /// <summary>The deploy name.</summary>
    public string Target { get; init; } = string.Empty;

    public string TargetKind { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Scope { get; init; }

    public ChangeAction Action { get; init; }

    /// <summary>Terraform-style action list: <c>create</c>, <c>update</c>, <c>delete,create</c>, <c>delete</c>, <c>no-op</c>.</summary>
    public IReadOnlyList<string> Actions => Action switch
    {
        ChangeAction.Create => ["create"],
        ChangeAction.Update => ["update"],
        ChangeAction.Replace => ["delete", "create"],
        ChangeAction.Delete => ["delete"],
        _ => ["no-op"],
    };

    public ChangeReason Reason { get; init; }

    public string ReasonText { get; init; } = string.Empty;

    public string? BeforeHash { get; init; }

    public string? AfterHash { get; init; }

    public JsonObject? Before { get; init; }

    public JsonObject? After { get; init; }

    public IReadOnlyList<PropertyDiff> Diffs { get; init; } = Array.Empty<PropertyDiff>();

    public IReadOnlyList<string> ReplacePaths { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();

    public IReadOnlyList<ResourceSecretBinding> SecretBindings { get; init; } = Array.Empty<ResourceSecretBinding>();

    /// <summary>Attribute paths that hold secret fingerprints.</summary>
    public IReadOnlyList<string> SensitivePaths { get; init; } = Array.Empty<string>();

    /// <summary>Attribute paths whose value is known only after apply.</summary>
    public IReadOnlyList<string> UnknownPaths { get; init; } = Array.Empty<string>();

    /// <summary>Path patterns whose change forces replacement (<c>*</c> = any change).</summary>
    public IReadOnlyList<string> ReplaceOn { get; init; } = Array.Empty<string>();

    /// <summary>
    /// For a Delete: the live object is kept and only its state entry is dropped (<c>Remove-AgentSpecDeployment
    /// -KeepImages</c> / <c>-KeepNamespace</c>, deployment spec §6.6). <see cref="ReasonText"/> says which switch kept it.
    /// </summary>
    public bool Keep { get; init; }

    /// <summary>Health is awaited after this resource is applied.</summary>
    public bool IsWorkload { get; init; }

    /// <summary>The symbol of the text rendering: <c>+</c>, <c>~</c>, <c>-/+</c>, <c>-</c> or a blank for no-op.</summary>
    public string Symbol => Action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        ChangeAction.Delete => "-",
        _ => " ",
    };

    public override string ToString() => $"{Symbol} {Address} ({Action})";
}
