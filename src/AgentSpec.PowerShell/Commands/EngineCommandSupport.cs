using System.Management.Automation;

namespace AgentSpec.Commands;

/// <summary>What the deployment cmdlets share: secret references to prefetch, target patterns, plan-file reading.</summary>
internal static class EngineCommandSupport
{
    /// <summary>The <c>store(path)</c> paths a resolved deployment needs.</summary>
    public static IEnumerable<string> StorePaths(ResolvedDeployment resolved) =>
        resolved.SecretReferences.Where(r => r.Source == "store").Select(r => r.Key);

    /// <summary>The <c>store(path)</c> paths a plan's resources bind.</summary>
    public static IEnumerable<string> StorePaths(Plan plan) =>
        plan.Changes.SelectMany(c => c.SecretBindings).Where(b => b.Source == "store").Select(b => b.Key);

    /// <summary>Case-insensitive wildcard matchers for <c>-Target</c> (none = every target).</summary>
    public static IReadOnlyList<Func<string, bool>> Patterns(IEnumerable<string>? targets) =>
        (targets ?? Array.Empty<string>())
            .Where(t => !string.IsNullOrEmpty(t) && t != "*")
            .Select(t => new WildcardPattern(t, WildcardOptions.IgnoreCase))
            .Select(p => (Func<string, bool>)p.IsMatch)
            .ToList();

    /// <summary>Reads a sealed plan file (<c>PlanFileInvalid</c> when it cannot be read or its checksum fails).</summary>
    public static Plan ReadPlanFile(PSCmdlet cmdlet, string planFile)
    {
        var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(planFile);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AgentSpecException(ErrorIds.PlanFileInvalid, AgentSpecErrorCategory.InvalidData, $"The plan file \"{planFile}\" cannot be read: {exception.Message}", planFile, innerException: exception);
        }

        var plan = Plan.FromJson(text, planFile);
        plan.IsSaved = true;
        return plan;
    }
}
