using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Applies deploy items (or deploy overrides) to a <see cref="DeployDeclaration"/> (spec §2.11, §3.7).</summary>
internal static class DeployReader
{
    public static void Apply(DeployDeclaration deploy, ItemSyntax item, BindContext context)
    {
        var values = context.Values;
        var lenient = context.IsOverride;
        var value = context.Value(item);
        context.Singular(deploy, item, item.Key);
        if (value is not null)
        {
            context.Located(deploy, item.Key, value);
        }

        switch (item.Key)
        {
            case "port": deploy.Port = values.Integer(value, "port", lenient); break;
            case "default":
                deploy.Default = value is null ? true : values.Boolean(value, "default", lenient);
                context.Located(deploy, "default", item);
                break;
            case "agents": deploy.Agents = values.List(value, "agents", lenient); break;
            case "namespace": deploy.Namespace = values.String(value, "namespace", lenient); break;
            case "replicas": deploy.Replicas = values.Integer(value, "replicas", lenient); break;
            case "image": deploy.Image = values.String(value, "image", lenient); break;
            case "env": deploy.Env = values.Map(item.Body, "env", lenient ? new(deploy.Env, StringComparer.Ordinal) : null); break;
            case "secrets": deploy.Secrets = values.Map(item.Body, "secrets", lenient ? new(deploy.Secrets, StringComparer.Ordinal) : null); break;
            case "resources":
                context.Located(deploy, "resources", item.Keywords[0]);
                var resources = lenient && deploy.Resources is { } r ? new DeployResources { Cpu = r.Cpu, Memory = r.Memory } : new DeployResources();
                foreach (var part in Parts(deploy, item, context))
                {
                    var v = context.Value(part);
                    switch (part.Key)
                    {
                        case "cpu": resources.Cpu = values.Cpu(v, "cpu", lenient); break;
                        case "memory": resources.Memory = values.String(v, "memory", lenient); break;
                    }
                }

                deploy.Resources = resources;
                break;
            case "health":
                context.Located(deploy, "health", item.Keywords[0]);
                var health = lenient && deploy.Health is { } h ? new DeployHealth { Path = h.Path, Interval = h.Interval, Timeout = h.Timeout } : new DeployHealth();
                foreach (var part in Parts(deploy, item, context))
                {
                    var v = context.Value(part);
                    switch (part.Key)
                    {
                        case "path": health.Path = values.String(v, "path", lenient); break;
                        case "interval": health.Interval = values.String(v, "interval", lenient); break;
                        case "timeout": health.Timeout = values.String(v, "timeout", lenient); break;
                    }
                }

                deploy.Health = health;
                break;
            case "autoscale":
                context.Located(deploy, "autoscale", item.Keywords[0]);
                var scale = lenient && deploy.Autoscale is { } a
                    ? new DeployAutoscale { Min = a.Min, Max = a.Max, Metric = a.Metric, Target = a.Target }
                    : new DeployAutoscale();
                foreach (var part in Parts(deploy, item, context))
                {
                    var v = context.Value(part);
                    switch (part.Key)
                    {
                        case "min": scale.Min = values.Integer(v, "min", lenient); break;
                        case "max": scale.Max = values.Integer(v, "max", lenient); break;
                        case "metric": scale.Metric = values.Enum(v, "metric"); break;
                        case "target": scale.Target = values.Integer(v, "target", lenient); break;
                    }
                }

                deploy.Autoscale = scale;
                break;
        }
    }

    /// <summary>The items of a nested block, with their locations recorded as <c>block.attr</c>.</summary>
    private static IEnumerable<ItemSyntax> Parts(DeployDeclaration deploy, ItemSyntax block, BindContext context)
    {
        foreach (var part in block.Body?.Items ?? [])
        {
            var path = $"{block.Key}.{part.Key}";
            context.Singular(deploy, part, path);
            if (context.Value(part) is { } value)
            {
                context.Located(deploy, path, value);
            }

            yield return part;
        }
    }
}
