using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Creates the declaration object for a top-level statement and applies its items (spec §10.1).</summary>
internal static class DeclarationFactory
{
    public static Declaration? Create(ItemSyntax statement, BindContext context)
    {
        var keyword = statement.Key;
        if (keyword is "package" or "import")
        {
            return null;
        }

        var name = statement.Values.Count > 0 ? statement.Values[0].Text : keyword == "state" ? string.Empty : null;
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0 && keyword != "state" && statement.Values.Count > 0)
        {
            context.Diagnostics.Add("AS3011", statement.Values[0].Range, "'name' must not be empty");
        }

        var file = context.File;
        Declaration declaration = keyword switch
        {
            "prompt" => new PromptDeclaration(name, statement, file),
            "skill" => new SkillDeclaration(name, statement, file),
            "agent" => new AgentDeclaration(name, statement, file),
            "secret" => new SecretDeclaration(name, statement, file),
            "environment" => new EnvironmentDeclaration(name, statement, file),
            "policy" => new PolicyDeclaration(name, statement, file),
            "deploy" => new DeployDeclaration(name, statement, file),
            "pipeline" => new PipelineDeclaration(name, statement, file),
            "type" => new TypeDeclaration(name, statement, file),
            "server" => new ServerDeclaration(name, statement, file),
            "client" => new ClientDeclaration(name, statement, file),
            "user" => new UserDeclaration(name, statement, file),
            "guardrail" => new GuardrailDeclaration(name, statement, file),
            "plugin" => new PluginDeclaration(name, statement, file),
            "binding" => new BindingDeclaration(name, statement, file),
            _ => new StateDeclaration(name, statement, file),
        };
        ApplyHeader(declaration, statement, context);
        foreach (var item in statement.Body?.Items ?? [])
        {
            Apply(declaration, item, context);
        }

        return declaration;
    }

    /// <summary>Applies one item (or one override item) to a declaration of any kind.</summary>
    public static void Apply(Declaration declaration, ItemSyntax item, BindContext context)
    {
        switch (declaration)
        {
            case AgentDeclaration agent: AgentReader.Apply(agent, item, context); break;
            case PromptDeclaration prompt: PromptReader.Apply(prompt, item, context); break;
            case SkillDeclaration skill: SkillReader.Apply(skill, item, context); break;
            case DeployDeclaration deploy: DeployReader.Apply(deploy, item, context); break;
            case SecretDeclaration secret: SecretReader.Apply(secret, item, context); break;
            case PolicyDeclaration policy: PolicyReader.Apply(policy, item, context); break;
            case EnvironmentDeclaration environment: EnvironmentReader.Apply(environment, item, context); break;
            case PipelineDeclaration pipeline: PipelineReader.Apply(pipeline, item, context); break;
            case ServerDeclaration server: ServiceReaders.ApplyServer(server, item, context); break;
            case ClientDeclaration client: ServiceReaders.ApplyClient(client, item, context); break;
            case UserDeclaration user: ServiceReaders.ApplyUser(user, item, context); break;
            case GuardrailDeclaration guardrail: ServiceReaders.ApplyGuardrail(guardrail, item, context); break;
            case StateDeclaration state: ServiceReaders.ApplyState(state, item, context); break;
            case BindingDeclaration binding: ServiceReaders.ApplyBinding(binding, item, context); break;
        }
    }

    private static void ApplyHeader(Declaration declaration, ItemSyntax statement, BindContext context)
    {
        switch (declaration)
        {
            case DeployDeclaration deploy when statement.Modifier("target")?.Value is { } target:
                deploy.Kind = context.Values.Enum(target, "target");
                context.Located(deploy, "target", target);
                break;
            case TypeDeclaration type:
                if (statement.Modifier("enum")?.Value is { } values)
                {
                    type.Form = "enum";
                    type.Values = context.Values.List(values, "enum") ?? [];
                    context.Located(type, "enum", values);
                }
                else if (statement.Modifier("list")?.Value is { } element)
                {
                    type.Form = "list";
                    type.ElementType = element.Text;
                    context.Located(type, "list", element);
                }
                else
                {
                    type.Fields = Entries.Fields(statement.Body);
                }

                break;
            case PluginDeclaration plugin:
                plugin.Version = statement.Modifier("version")?.Value?.Text;
                break;
            case BindingDeclaration binding when statement.Modifier("adapter")?.Value is { } adapter:
                binding.Adapter = context.Values.String(adapter, "adapter");
                break;
        }
    }
}
