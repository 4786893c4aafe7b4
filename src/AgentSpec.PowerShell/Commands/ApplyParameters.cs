using System.Globalization;
using System.Management.Automation;
using AgentSpec.Commands.Engine;

namespace AgentSpec.Commands;

/// <summary>
/// The confirmation, apply knobs and deferred errors that Invoke-AgentSpecApply and Remove-AgentSpecDeployment share
/// (deployment spec §6.1, §6.4).
/// </summary>
internal static class ApplyParameters
{
    public static readonly TimeSpan MaximumLockTimeout = TimeSpan.FromHours(1);

    /// <summary><c>-LockTimeout</c>, else <c>AGENTSPEC_LOCK_TIMEOUT</c> (seconds), else 30 s.</summary>
    public static TimeSpan LockTimeout(TimeSpan? bound)
    {
        if (bound is { } value)
        {
            return value;
        }

        var variable = System.Environment.GetEnvironmentVariable("AGENTSPEC_LOCK_TIMEOUT");
        return double.TryParse(variable, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, MaximumLockTimeout.TotalSeconds))
            : TimeSpan.FromSeconds(30);
    }

    public static void ValidateLockTimeout(TimeSpan? value)
    {
        if (value is { } timeout && (timeout < TimeSpan.Zero || timeout > MaximumLockTimeout))
        {
            throw new ValidationMetadataException("-LockTimeout must be between 0 and 1 hour.");
        }
    }

    /// <summary>True when <c>-WhatIf</c> is in effect (bound, or <c>$WhatIfPreference</c>).</summary>
    public static bool IsWhatIf(PSCmdlet cmdlet)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
        {
            return bound is SwitchParameter { IsPresent: true } || bound is true;
        }

        return LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));
    }

    /// <summary>
    /// The single confirmation of §6.1 step 6 (plan text in the prompt). <paramref name="autoApprove"/> skips it
    /// unless <c>-Confirm</c> was passed explicitly.
    /// </summary>
    public static bool Confirm(PSCmdlet cmdlet, Plan plan, bool autoApprove, string verb, string caption)
    {
        if (autoApprove && !cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        return cmdlet.ShouldProcess(plan.Render(false), WarningText(plan, verb), caption);
    }

    public static string WarningText(Plan plan, string verb)
    {
        var count = plan.Changes.Count(c => c.Action != ChangeAction.NoOp);
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} change{2} to {3} ({4})?", verb, count, count == 1 ? string.Empty : "s", plan.Target, plan.TargetKind);
    }

    /// <summary>The summary on the information stream, then one non-terminating error per failed resource (§6.4).</summary>
    public static void Finish(PSCmdlet cmdlet, ApplyOutcome outcome)
    {
        if (!string.IsNullOrEmpty(outcome.Summary))
        {
            var tag = outcome.Executed ? "AgentSpec.Summary" : "AgentSpec.NoChanges";
            cmdlet.WriteInformation(new InformationRecord(new HostInformationMessage { Message = outcome.Summary }, cmdlet.MyInvocation.MyCommand?.Name ?? "AgentSpec"), new[] { tag, "PSHOST" });
        }

        foreach (var failed in outcome.Results.Where(r => r.Status == ApplyStatus.Failed))
        {
            cmdlet.WriteError(Deferred(failed));
        }
    }

    private static ErrorRecord Deferred(ApplyResult result)
    {
        var id = result.ErrorId ?? (result.Action == ChangeAction.Delete ? ErrorIds.ResourceDestroyFailed : ErrorIds.ResourceApplyFailed);
        var category = id switch
        {
            ErrorIds.HealthCheckFailed => ErrorCategory.InvalidResult,
            ErrorIds.ResourceConflict => ErrorCategory.ResourceExists,
            _ => ErrorCategory.WriteError,
        };
        var message = $"{result.Address}: {result.Error ?? result.Message ?? "failed"}";
        var record = new ErrorRecord(new AgentSpecException(id, AgentSpecErrorCategory.WriteError, message, result), id, category, result);
        record.ErrorDetails = new ErrorDetails(message)
        {
            RecommendedAction = id == ErrorIds.HealthCheckFailed
                ? "Inspect the runtime log (Get-AgentSpecLog), fix the cause and apply again; only the failed resources are retried."
                : "Fix the cause and apply again; only the failed resources are retried.",
        };
        return record;
    }
}
