namespace AgentSpec;

/// <summary>
/// No single deploy block can be chosen (deployment spec §2.2): <c>TargetNotFound</c> (the <c>-Target</c> name is not
/// declared), <c>NoDeployTargets</c> (the package declares no deploy block) or <c>TargetAmbiguous</c> (several and none
/// is the default). Build one with the static factories.
/// </summary>
public sealed class TargetSelectionException : AgentSpecException
{
    public const string TargetNotFoundId = "TargetNotFound";

    public const string NoDeployTargetsId = "NoDeployTargets";

    public const string TargetAmbiguousId = "TargetAmbiguous";

    private TargetSelectionException(string errorId, AgentSpecErrorCategory category, string message, object targetObject, string recommendedAction, string? target, IReadOnlyList<string> deploys)
        : base(errorId, category, message, targetObject, recommendedAction)
    {
        Target = target;
        Deploys = deploys;
    }

    /// <summary>The requested deploy name (<c>TargetNotFound</c> only).</summary>
    public string? Target { get; }

    /// <summary>The declared deploy names, in declaration order.</summary>
    public IReadOnlyList<string> Deploys { get; }

    /// <param name="deploys">Every deploy as (name, target kind), in declaration order.</param>
    public static TargetSelectionException NotFound(string target, string? package, IReadOnlyList<(string Name, string? Kind)> deploys)
    {
        var names = deploys.Select(d => d.Name).ToList();
        var owner = package is null ? "the specification" : $"package \"{package}\"";
        var listing = deploys.Count == 0 ? $"{owner} declares none" : $"{owner} declares: {Listing(deploys)}";
        var close = Diagnostics.DidYouMean.Closest(target, names) is { } name ? $" Did you mean \"{name}\"?" : string.Empty;
        return new TargetSelectionException(
            TargetNotFoundId,
            AgentSpecErrorCategory.ObjectNotFound,
            $"Deploy target \"{target}\" is not declared; {listing}.{close}",
            target,
            names.Count == 0 ? "Add a deploy block to the specification." : $"Pass -Target with one of: {string.Join(", ", names)}.",
            target,
            names);
    }

    public static TargetSelectionException NoDeployTargets(string? package) =>
        new(
            NoDeployTargetsId,
            AgentSpecErrorCategory.ObjectNotFound,
            $"{(package is null ? "The specification" : $"Package \"{package}\"")} declares no deploy target.",
            package ?? string.Empty,
            "Add a deploy block, e.g. deploy \"local\" target \"process\" { default true }.",
            null,
            Array.Empty<string>());

    /// <param name="deploys">Every deploy as (name, target kind), in declaration order.</param>
    public static TargetSelectionException Ambiguous(string? package, IReadOnlyList<(string Name, string? Kind)> deploys)
    {
        var names = deploys.Select(d => d.Name).ToList();
        return new TargetSelectionException(
            TargetAmbiguousId,
            AgentSpecErrorCategory.InvalidArgument,
            $"{(package is null ? "The specification" : $"Package \"{package}\"")} declares {deploys.Count} deploy targets and none is the default: {Listing(deploys)}. Pass -Target.",
            names.ToArray(),
            $"Pass -Target with one of: {string.Join(", ", names)}; or mark one deploy 'default true'.",
            null,
            names);
    }

    private static string Listing(IEnumerable<(string Name, string? Kind)> deploys) =>
        string.Join(", ", deploys.Select(d => $"{d.Name} ({d.Kind})"));
}
