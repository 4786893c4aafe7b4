using System.Globalization;
using AgentSpec.Binding;

namespace AgentSpec.Validation;

/// <summary>Autoscale rules of a deploy (spec §3.7): bounds, target, metric, high availability and replicas in range.</summary>
internal static class DeployScaleRules
{
    public static void Check(ValidationContext context, DeployDeclaration deploy, string? kind)
    {
        if (deploy.Autoscale is not { } scale)
        {
            return;
        }

        var keyword = AttributeWord.Of(deploy, "autoscale");
        if (scale.Max is null && !deploy.IsIncomplete && deploy.LocationOf("autoscale.max") is null)
        {
            context.Report("AS3004", keyword, $"deploy \"{deploy.Name}\" requires 'max' in its autoscale block", "max 5");
        }

        var min = scale.Min ?? 1;
        if (min < 1)
        {
            context.ReportAt("AS5006", deploy, "autoscale.min", Invariant($"autoscale min must be at least 1, found {min}"));
        }

        if (scale.Max is { } max && max < min)
        {
            context.ReportAt("AS5006", deploy, "autoscale.max", Invariant($"autoscale max ({max}) must not be lower than min ({min})"));
        }

        if (scale.Target is { } target && target is < 1 or > 100)
        {
            context.ReportAt("AS5007", deploy, "autoscale.target", Invariant($"autoscale target must be between 1 and 100, found {target}"));
        }

        if (scale.Metric is { } metric && !AttributeSchema.Metrics.Contains(metric))
        {
            context.ReportAt("AS5008", deploy, "autoscale.metric", $"invalid autoscale metric \"{metric}\"", "valid: cpu, memory");
        }

        if (kind != "kubernetes")
        {
            return;
        }

        if (min is >= 1 and < 2)
        {
            var location = deploy.LocationOf("autoscale.min") ?? keyword;
            context.Report("AS5014", location, Invariant($"autoscale min {min} gives no high availability on kubernetes"), "min 2 or more");
        }

        if (deploy.Replicas is { } replicas && scale.Max is { } upper && min <= upper && (replicas < min || replicas > upper))
        {
            context.ReportAt(
                "AS5017",
                deploy,
                "replicas",
                Invariant($"replicas {replicas} is outside the autoscale range {min}..{upper}; the autoscaler will change it"),
                "set replicas within the autoscale range, or remove it");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
