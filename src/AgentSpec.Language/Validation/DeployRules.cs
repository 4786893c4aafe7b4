using System.Globalization;
using AgentSpec.Binding;
using AgentSpec.Diagnostics;

namespace AgentSpec.Validation;

/// <summary>Deploy rules (spec §3.7, §5.6): target kind, defaults, applicability, ranges, quantities, names, env/secrets.</summary>
internal static class DeployRules
{
    /// <summary>The image Kubernetes deploys use when none is written (deployment spec §7.4).</summary>
    public static string DefaultKubernetesImage
    {
        get
        {
            var version = typeof(DeployRules).Assembly.GetName().Version ?? new Version(0, 0, 0);
            return string.Create(CultureInfo.InvariantCulture, $"agentspec/runtime:{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}");
        }
    }

    public static void Check(ValidationContext context)
    {
        DeployDeclaration? firstDefault = null;
        foreach (var deploy in context.Document.Deploys)
        {
            if (deploy.Default == true && deploy.LocationOf("default") is { } at)
            {
                if (firstDefault?.LocationOf("default") is { } first)
                {
                    context.Report(
                        "AS5002",
                        at,
                        $"deploy \"{deploy.Name}\" is marked default, but deploy \"{firstDefault.Name}\" already is",
                        "mark only one deploy 'default true'",
                        [new RelatedLocation(first.File, first.Range, "first default deploy")]);
                }
                else
                {
                    firstDefault = deploy;
                }
            }

            Check(context, deploy);
        }
    }

    private static void Check(ValidationContext context, DeployDeclaration deploy)
    {
        NameRules.CheckDeclarationName(context, deploy);
        var kind = CheckKind(context, deploy);
        if (kind is not null)
        {
            DeployTargetRules.CheckApplicability(context, deploy, kind);
        }

        if (deploy.Port is { } port && port is < 1 or > 65535)
        {
            context.ReportAt("AS5004", deploy, "port", string.Create(CultureInfo.InvariantCulture, $"port must be between 1 and 65535, found {port}"));
        }

        if (deploy.Replicas is { } replicas && replicas < 1)
        {
            context.ReportAt("AS5005", deploy, "replicas", string.Create(CultureInfo.InvariantCulture, $"replicas must be at least 1, found {replicas}"));
        }

        ValueChecks.NonEmpty(context, deploy, "image", "image", deploy.Image);
        if (deploy.Namespace is { } ns && !ValueFormats.IsDnsLabel(ns))
        {
            context.ReportAt(
                "AS5021",
                deploy,
                "namespace",
                $"namespace \"{ns}\" is not a valid Kubernetes name",
                "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters");
        }

        CheckResources(context, deploy);
        DeployHealthRules.Check(context, deploy);
        DeployScaleRules.Check(context, deploy, kind);
        CheckEnvironment(context, deploy);
        var served = deploy.Agents is { } agents ? agents.Count : context.Document.Agents.Count;
        if (served == 0)
        {
            context.ReportAtName("AS5025", deploy, $"deploy \"{deploy.Name}\" serves no agents", "declare an agent, or list agents in 'agents [...]'");
        }
    }

    /// <summary>AS5001 for an unknown target kind; returns the kind when it is valid.</summary>
    private static string? CheckKind(ValidationContext context, DeployDeclaration deploy)
    {
        var kind = deploy.Kind;
        if (kind is null || AttributeSchema.TargetKinds.Contains(kind))
        {
            return kind;
        }

        var hint = kind.ToLowerInvariant() switch
        {
            "k8s" or "kube" => "did you mean \"kubernetes\"?",
            "compose" => "did you mean \"docker-compose\"?",
            _ => DidYouMean.Hint(kind, AttributeSchema.TargetKinds, "valid values"),
        };
        context.ReportAt("AS5001", deploy, "target", $"invalid deploy target \"{kind}\"", hint);
        return null;
    }

    private static void CheckResources(ValidationContext context, DeployDeclaration deploy)
    {
        if (deploy.Resources?.Cpu is { } cpu && ValueFormats.CpuMillicores(cpu) is null)
        {
            context.ReportAt("AS5009", deploy, "resources.cpu", $"invalid cpu quantity \"{cpu}\"", "\"250m\", \"1\", \"1.5\"");
        }

        if (deploy.Resources?.Memory is { } memory && ValueFormats.MemoryBytes(memory) is null)
        {
            context.ReportAt("AS5010", deploy, "resources.memory", $"invalid memory quantity \"{memory}\"", "\"128Mi\", \"1Gi\", \"512M\"");
        }
    }

    /// <summary>AS5018: a variable set by both <c>env</c> and <c>secrets</c> (at the env entry).</summary>
    private static void CheckEnvironment(ValidationContext context, DeployDeclaration deploy)
    {
        if (deploy.Env.Count == 0 || deploy.Secrets.Count == 0)
        {
            return;
        }

        var envItem = ValidationContext.Last(ValidationContext.Items(deploy), "env");
        foreach (var key in deploy.Env.Keys)
        {
            if (!deploy.Secrets.ContainsKey(key))
            {
                continue;
            }

            var entry = envItem?.Body?.Items.LastOrDefault(e => ValueReader.EntryKey(e) == key);
            var location = entry is null ? deploy.Location : new SourceLocation(deploy.File, ValidationContext.KeywordRange(entry));
            context.Report(
                "AS5018",
                location,
                $"environment variable '{key}' is set by both env and secrets in deploy \"{deploy.Name}\"",
                $"remove '{key}' from env; the secret provides it");
        }
    }
}
