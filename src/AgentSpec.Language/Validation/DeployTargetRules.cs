namespace AgentSpec.Validation;

/// <summary>Target applicability (AS5003) and the Kubernetes guideline warnings AS5015, AS5016, AS5020 (spec §5.6).</summary>
internal static class DeployTargetRules
{
    public static void CheckApplicability(ValidationContext context, DeployDeclaration deploy, string kind)
    {
        var container = kind != "process";
        var replicated = kind is "docker-compose" or "kubernetes";
        var kubernetes = kind == "kubernetes";
        NoEffect(context, deploy, "image", deploy.Image is not null && !container, kind);
        NoEffect(context, deploy, "resources", deploy.Resources is not null && !container, kind);
        NoEffect(context, deploy, "replicas", deploy.Replicas is not null && !replicated, kind);
        NoEffect(context, deploy, "namespace", deploy.Namespace is not null && !kubernetes, kind);
        NoEffect(context, deploy, "autoscale", deploy.Autoscale is not null && !kubernetes, kind);
        if (!kubernetes)
        {
            return;
        }

        var name = deploy.Name;
        if (deploy.Health is null)
        {
            context.ReportAtName(
                "AS5015",
                deploy,
                $"kubernetes deploy \"{name}\" has no health block; pods get no liveness or readiness probes",
                "health { path \"/healthz\" interval \"30s\" timeout \"5s\" }");
        }

        if (deploy.Resources is null)
        {
            context.ReportAtName(
                "AS5016",
                deploy,
                $"kubernetes deploy \"{name}\" has no resources block; pods run without requests and limits",
                "resources { cpu \"500m\" memory \"512Mi\" }");
        }

        if (deploy.Image is null)
        {
            context.ReportAtName(
                "AS5020",
                deploy,
                $"kubernetes deploy \"{name}\" has no image; the default image \"{DeployRules.DefaultKubernetesImage}\" must be pullable by the cluster",
                "image \"registry.example.com/team/agents:1.0.0\"");
        }
    }

    private static void NoEffect(ValidationContext context, DeployDeclaration deploy, string attribute, bool written, string kind)
    {
        if (written)
        {
            context.Report("AS5003", AttributeWord.Of(deploy, attribute), $"'{attribute}' has no effect on target \"{kind}\"", "remove it, or use a target where it applies");
        }
    }
}
