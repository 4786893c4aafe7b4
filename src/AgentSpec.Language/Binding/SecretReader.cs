using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads a secret's source: <c>env(K)</c> or <c>store(P)</c> in any of their forms (spec §2.8, §8.1).</summary>
internal static class SecretReader
{
    public static void Apply(SecretDeclaration secret, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        var inner = value is ParenthesizedValueSyntax parenthesized ? parenthesized.Inner : value;
        if (secret.Source is not null)
        {
            var first = secret.Source;
            var keyword = item.Keywords[0];
            context.Diagnostics.Add(
                "AS3005",
                keyword.Range,
                $"secret \"{secret.Name}\" sets both '{first}' and '{item.Key}'",
                "keep one source");
        }

        secret.Source = item.Key;
        secret.Key = inner?.Text;
        if (inner is not null)
        {
            context.Located(secret, "key", inner);
        }

        context.Located(secret, "source", item);
    }
}
