using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads policy rules and scope lines (spec §2.10, §7).</summary>
internal static class PolicyReader
{
    public static void Apply(PolicyDeclaration policy, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        switch (item.Key)
        {
            case "environments":
            case "deploys":
                context.Singular(policy, item, item.Key);
                if (value is not null)
                {
                    context.Located(policy, item.Key, value);
                }

                var list = context.Values.List(value, item.Key);
                if (item.Key == "environments")
                {
                    policy.Environments = list;
                }
                else
                {
                    policy.Deploys = list;
                }

                break;
            default:
                policy.Rules = [.. policy.Rules, new PolicyRule
                {
                    Action = item.Key,
                    Subject = item.Values.Count > 0 ? item.Values[0].Text : null,
                    Value = item.Values.Count > 1 ? string.Join(" ", item.Values.Skip(1).Select(v => v.Text)) : null,
                    Location = new SourceLocation(context.File, item.Range),
                }];
                break;
        }
    }
}
