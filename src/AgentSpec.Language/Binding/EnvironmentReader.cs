using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Records the override blocks of an environment as settings with dotted paths (spec §2.9, §6).</summary>
internal static class EnvironmentReader
{
    public static void Apply(EnvironmentDeclaration environment, ItemSyntax item, BindContext context)
    {
        if (item.Keywords.Count == 0 || item.Values.Count == 0)
        {
            return;
        }

        var settings = new List<OverrideSetting>();
        Collect(item.Body, string.Empty, settings, context);
        environment.Overrides = [.. environment.Overrides, new ResourceOverride
        {
            ResourceKind = item.Keywords[0].Value,
            ResourceName = item.Values[0].Text,
            Location = new SourceLocation(context.File, item.Values[0].Range),
            Settings = settings,
        }];
    }

    private static void Collect(BodySyntax? body, string prefix, List<OverrideSetting> settings, BindContext context)
    {
        foreach (var item in body?.Items ?? [])
        {
            var path = prefix + item.Key;
            if (item.Body is not null)
            {
                Collect(item.Body, path + ".", settings, context);
                continue;
            }

            if (item.Values.Count > 0)
            {
                var value = item.Values[^1];
                settings.Add(new OverrideSetting { Path = path, Value = value.Text, Location = new SourceLocation(context.File, value.Range) });
            }
        }
    }
}
