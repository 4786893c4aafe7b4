using AgentSpec.Diagnostics;

namespace AgentSpec.Resolution;

/// <summary>
/// The target context (language spec §7.2; deployment spec §2.2–§2.3): the <c>-Target</c> deploy, else the
/// <c>default true</c> one, else the only one; a docker-compose deploy brings every docker-compose deploy with it.
/// When no single deploy can be chosen the context is all deploys and <see cref="Problem"/> says why (AS5019).
/// </summary>
internal sealed class TargetSelection
{
    private TargetSelection(DeployDeclaration? selected, IReadOnlyList<DeployDeclaration> scope, (string Message, string? Hint)? problem)
    {
        Selected = selected;
        Scope = scope;
        Problem = problem;
    }

    /// <summary>The chosen deploy, or null when none could be chosen.</summary>
    public DeployDeclaration? Selected { get; }

    /// <summary>The deploys in the target context: the stack of the chosen deploy, or every deploy.</summary>
    public IReadOnlyList<DeployDeclaration> Scope { get; }

    /// <summary>The AS5019 message and hint when no single deploy could be chosen.</summary>
    public (string Message, string? Hint)? Problem { get; }

    public static TargetSelection Select(Document document, string? target)
    {
        var deploys = document.Deploys;
        if (target is not null)
        {
            var named = deploys.FirstOrDefault(d => d.Name == target);
            if (named is null)
            {
                var listing = string.Join(", ", deploys.Select(d => $"{d.Name} ({d.Kind})"));
                var hint = DidYouMean.Closest(target, deploys.Select(d => d.Name)) is { } close
                    ? $"did you mean \"{close}\"?"
                    : deploys.Count == 0 ? "no deploy is declared" : $"available: {listing}";
                return new TargetSelection(null, deploys, ($"deploy \"{target}\" is not declared", hint));
            }

            return Chosen(document, named);
        }

        if (deploys.FirstOrDefault(d => d.Default == true) is { } marked)
        {
            return Chosen(document, marked);
        }

        return deploys.Count switch
        {
            1 => Chosen(document, deploys[0]),
            0 => new TargetSelection(null, deploys, ("no deploy target is declared", "add a deploy block, e.g. deploy \"local\" target \"process\" { default true }")),
            _ => new TargetSelection(
                null,
                deploys,
                ($"several deploy targets and none is the default: {string.Join(", ", deploys.Select(d => d.Name))}",
                    "name one with -Target or mark one 'default true'")),
        };
    }

    /// <summary>A chosen deploy and its stack: every docker-compose deploy when it is docker-compose.</summary>
    private static TargetSelection Chosen(Document document, DeployDeclaration deploy)
    {
        IReadOnlyList<DeployDeclaration> scope = deploy.Kind == "docker-compose"
            ? document.Deploys.Where(d => d.Kind == "docker-compose").ToList()
            : [deploy];
        return new TargetSelection(deploy, scope, null);
    }
}
