using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads server, client, user, guardrail, state and binding items (spec §2.13, §3.10, §3.11).</summary>
internal static class ServiceReaders
{
    public static void ApplyServer(ServerDeclaration server, ItemSyntax item, BindContext context)
    {
        var values = context.Values;
        var lenient = context.IsOverride;
        var value = context.Value(item);
        if (item.Key != "exposes")
        {
            context.Singular(server, item, item.Key);
        }

        if (value is not null)
        {
            context.Located(server, item.Key, value);
        }

        switch (item.Key)
        {
            case "transport": server.Transport = values.Enum(value, "transport"); break;
            case "command": server.Command = values.String(value, "command", lenient); break;
            case "args": server.Args = values.List(value, "args", lenient); break;
            case "url": server.Url = values.String(value, "url", lenient); break;
            case "auth": server.AuthSecretName = values.String(value, "auth", lenient); break;
            case "exposes":
                if (values.String(value, "exposes", lenient) is { } skill)
                {
                    server.Exposes = [.. server.Exposes, skill];
                }

                break;
            case "env": server.Env = values.Map(item.Body, "env", lenient ? new(server.Env, StringComparer.Ordinal) : null); break;
            case "metadata": server.Metadata = values.Map(item.Body, "metadata", lenient ? new(server.Metadata, StringComparer.Ordinal) : null); break;
        }
    }

    public static void ApplyClient(ClientDeclaration client, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        switch (item.Key)
        {
            case "connects":
                if (context.Values.String(value, "connects") is { } server && value is not null)
                {
                    client.ServerNames = [.. client.ServerNames, server];
                    context.Located(client, $"connects.{client.ServerNames.Count - 1}", value);
                }

                break;
            case "metadata":
                client.Metadata = context.Values.Map(item.Body, "metadata", context.IsOverride ? new(client.Metadata, StringComparer.Ordinal) : null);
                break;
        }
    }

    public static void ApplyUser(UserDeclaration user, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        context.Singular(user, item, item.Key);
        if (value is not null)
        {
            context.Located(user, item.Key, value);
        }

        switch (item.Key)
        {
            case "key":
                var inner = value is ParenthesizedValueSyntax parenthesized ? parenthesized.Inner : value;
                user.Key = context.Values.String(inner, "key");
                break;
            case "agents": user.Agents = context.Values.List(value, "agents"); break;
            case "role": user.Role = context.Values.Enum(value, "role"); break;
        }
    }

    public static void ApplyGuardrail(GuardrailDeclaration guardrail, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        context.Singular(guardrail, item, item.Key);
        if (value is not null)
        {
            context.Located(guardrail, item.Key, value);
        }

        switch (item.Key)
        {
            case "mode": guardrail.Mode = context.Values.Enum(value, "mode"); break;
            case "keywords": guardrail.Keywords = context.Values.List(value, "keywords") ?? []; break;
            case "patterns": guardrail.Patterns = context.Values.List(value, "patterns") ?? []; break;
            case "fallback": guardrail.Fallback = context.Values.String(value, "fallback"); break;
        }
    }

    public static void ApplyState(StateDeclaration state, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        if (item.Key == "type")
        {
            state.Type = context.Values.Enum(value, "type");
            if (value is not null)
            {
                context.Located(state, "type", value);
            }

            return;
        }

        AddProperty(state.Properties, item);
    }

    public static void ApplyBinding(BindingDeclaration binding, ItemSyntax item, BindContext context)
    {
        var value = context.Value(item);
        switch (item.Key)
        {
            case "default": binding.Default = value is null ? true : context.Values.Boolean(value, "default"); break;
            case "adapter": binding.Adapter = context.Values.String(value, "adapter"); break;
            default: AddProperty(binding.Properties, item); break;
        }
    }

    private static void AddProperty(IReadOnlyDictionary<string, string> properties, ItemSyntax item)
    {
        if (properties is Dictionary<string, string> map && ValueReader.EntryKey(item) is { } key && item.Values.Count > 0)
        {
            map[key] = item.Values[^1].Text;
        }
    }
}
