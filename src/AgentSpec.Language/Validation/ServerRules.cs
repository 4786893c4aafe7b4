using AgentSpec.Binding;

namespace AgentSpec.Validation;

/// <summary>MCP server and client rules (spec §3.10, §3.11): transport, its required attributes, mismatches (AS3019).</summary>
internal static class ServerRules
{
    public static void Check(ValidationContext context, ServerDeclaration server)
    {
        var name = ValidationContext.Describe(server);
        var transport = server.Transport;
        if (transport is null)
        {
            if (!server.IsIncomplete && server.LocationOf("transport") is null)
            {
                context.ReportAtName("AS3004", server, $"{name} requires 'transport'", "transport \"stdio\"");
            }
        }
        else if (ValueChecks.Enum(context, server, "transport", "transport", transport, AttributeSchema.Transports))
        {
            if (!server.IsIncomplete && transport == "stdio" && server.Command is null && server.LocationOf("command") is null)
            {
                context.ReportAtName("AS3004", server, $"{name} requires 'command' for transport \"stdio\"", "command \"npx\"");
            }

            if (!server.IsIncomplete && transport != "stdio" && server.Url is null && server.LocationOf("url") is null)
            {
                context.ReportAtName("AS3004", server, $"{name} requires 'url' for transport \"{transport}\"", "url \"https://mcp.example.com/mcp\"");
            }

            var stdio = transport == "stdio";
            Mismatch(context, server, "command", server.Command is not null && !stdio, transport);
            Mismatch(context, server, "args", server.Args is not null && !stdio, transport);
            Mismatch(context, server, "url", server.Url is not null && stdio, transport);
            Mismatch(context, server, "auth", server.AuthSecretName is not null && stdio, transport);
        }

        ValueChecks.NonEmpty(context, server, "command", "command", server.Command);
        ValueChecks.Url(context, server, "url", "url", server.Url);
    }

    public static void Check(ValidationContext context, ClientDeclaration client)
    {
        if (client.ServerNames.Count == 0 && !client.IsIncomplete)
        {
            context.ReportAtName(
                "AS3004",
                client,
                $"{ValidationContext.Describe(client)} requires at least one 'connects to server'",
                "connects to server \"tools\"");
        }
    }

    private static void Mismatch(ValidationContext context, ServerDeclaration server, string attribute, bool mismatch, string transport)
    {
        if (mismatch)
        {
            context.Report("AS3019", AttributeWord.Of(server, attribute), $"'{attribute}' has no effect with transport \"{transport}\"");
        }
    }
}
