namespace AgentSpec.Validation;

/// <summary>Health probe rules of a deploy (spec §3.7): path, durations, timeout below interval (AS5012), frequency (AS5013).</summary>
internal static class DeployHealthRules
{
    private const string DefaultInterval = "30s";
    private const string DefaultTimeout = "5s";

    public static void Check(ValidationContext context, DeployDeclaration deploy)
    {
        if (deploy.Health is not { } health)
        {
            return;
        }

        if (health.Path is { } path && !path.StartsWith('/'))
        {
            context.ReportAt("AS5011", deploy, "health.path", "health path must start with '/'", $"\"/{path}\"");
        }

        var interval = health.Interval is null
            ? ValueFormats.DurationMilliseconds(DefaultInterval)
            : ValueChecks.Duration(context, deploy, "health.interval", "interval", health.Interval);
        var timeout = health.Timeout is null
            ? ValueFormats.DurationMilliseconds(DefaultTimeout)
            : ValueChecks.Duration(context, deploy, "health.timeout", "timeout", health.Timeout);
        var intervalText = health.Interval ?? DefaultInterval;
        if (health.Interval is not null && interval < 10_000)
        {
            context.ReportAt(
                "AS5013",
                deploy,
                "health.interval",
                $"health interval {intervalText} is below 10s; probes this frequent add load",
                "interval \"10s\" or more");
        }

        if (interval is not null && timeout is not null && timeout >= interval)
        {
            var at = health.Timeout is not null ? "health.timeout" : "health.interval";
            context.ReportAt(
                "AS5012",
                deploy,
                at,
                $"health timeout ({health.Timeout ?? DefaultTimeout}) must be lower than interval ({intervalText})",
                "make the timeout shorter than the interval");
        }
    }
}
