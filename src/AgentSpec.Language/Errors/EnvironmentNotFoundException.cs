namespace AgentSpec;

/// <summary>
/// <c>EnvironmentNotFound</c>: the selected environment is not declared (deployment spec §2.1 stage 4). The message
/// adds a did-you-mean suggestion when a close name exists and lists the declared environments.
/// </summary>
public sealed class EnvironmentNotFoundException : AgentSpecException
{
    public const string Id = "EnvironmentNotFound";

    public EnvironmentNotFoundException(string environment, string? package, IReadOnlyList<string> declared)
        : base(
            Id,
            AgentSpecErrorCategory.ObjectNotFound,
            Describe(environment, package, declared),
            environment,
            declared.Count == 0
                ? "Declare an environment block, or run the command without -Environment."
                : $"Pass -Environment with one of: {string.Join(", ", declared)}.")
    {
        Environment = environment;
        Declared = declared;
    }

    public string Environment { get; }

    /// <summary>The declared environment names, in declaration order.</summary>
    public IReadOnlyList<string> Declared { get; }

    private static string Describe(string environment, string? package, IReadOnlyList<string> declared)
    {
        var owner = package is null ? "The specification" : $"Package \"{package}\"";
        if (declared.Count == 0)
        {
            return $"{owner} declares no environment, so environment \"{environment}\" cannot be selected.";
        }

        var suggestion = Diagnostics.DidYouMean.Closest(environment, declared) is { } close ? $" Did you mean \"{close}\"?" : string.Empty;
        return $"Environment \"{environment}\" is not declared.{suggestion} {owner} declares: {string.Join(", ", declared)}.";
    }
}
