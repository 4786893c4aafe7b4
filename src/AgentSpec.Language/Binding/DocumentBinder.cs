using System.Globalization;

namespace AgentSpec.Binding;

/// <summary>
/// Steps 2–3 of the processing order (spec §1): merges the files of a document, creates the declarations, detects
/// duplicates (AS2001), resolves references, and gathers every diagnostic in the order of spec §5.1.
/// </summary>
internal static class DocumentBinder
{
    private static readonly Dictionary<string, string> FqnKinds = new(StringComparer.Ordinal)
    {
        ["agent"] = "Agent", ["prompt"] = "Prompt", ["skill"] = "Skill", ["server"] = "MCPServer", ["client"] = "MCPClient",
        ["secret"] = "Secret", ["environment"] = "Environment", ["policy"] = "Policy", ["deploy"] = "Deploy",
        ["pipeline"] = "Pipeline", ["type"] = "Type", ["user"] = "User", ["guardrail"] = "Guardrail",
        ["plugin"] = "Plugin", ["binding"] = "Binding", ["state"] = "State",
    };

    public static Document Bind(IReadOnlyList<SourceFile> files, IReadOnlyList<ImportInfo> imports, string? environment = null)
    {
        var document = new Document
        {
            Files = files.Select(f => f.DisplayName).ToList(),
            Imports = imports,
            SourceFiles = files,
            Environment = environment,
        };
        var symbols = new SymbolTable();
        var declarations = new List<Declaration>();
        foreach (var file in files)
        {
            var context = new BindContext(file.Diagnostics, isOverride: false);
            foreach (var statement in file.Tree.Root.Statements)
            {
                if (statement == file.Tree.Root.Header && file == files[0])
                {
                    document.Package = ReadHeader(statement, file);
                    continue;
                }

                var declaration = DeclarationFactory.Create(statement, context);
                if (declaration is null)
                {
                    continue;
                }

                var first = symbols.Add(declaration, file);
                if (first is not null)
                {
                    file.Diagnostics.Add(
                        "AS2001",
                        declaration.Location.Range,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{declaration.DeclarationKind} \"{declaration.Name}\" is already declared at {first.File}:{first.Location.Line}:{first.Location.Column}"),
                        null,
                        [new RelatedLocation(first.File, first.Location.Range, "first declared here")]);
                }

                declarations.Add(declaration);
            }
        }

        var packageName = document.Package?.Name ?? string.Empty;
        foreach (var declaration in declarations)
        {
            declaration.Fqn = $"{packageName}/{FqnKinds[declaration.DeclarationKind]}/{declaration.Name}";
        }

        var environments = declarations.OfType<EnvironmentDeclaration>().ToList();
        EnvironmentOverlay.CheckAll(environments, symbols);
        if (environment is not null && symbols.Find<EnvironmentDeclaration>("environment", environment) is { } selected)
        {
            EnvironmentOverlay.Apply(selected, symbols);
        }

        var resolver = new ReferenceResolver(symbols);
        foreach (var declaration in declarations)
        {
            resolver.Resolve(declaration);
        }

        document.Symbols = symbols;
        Fill(document, declarations);
        document.Diagnostics = Collect(files);
        return document;
    }

    /// <summary>Root file first, then imports in merge order; within a file by position then code; duplicates once.</summary>
    public static IReadOnlyList<Diagnostic> Collect(IEnumerable<SourceFile> files) =>
        files.SelectMany(file => Validation.Suppressions.Apply(file, file.Tree.Diagnostics.Concat(file.Diagnostics.Items))
                .OrderBy(d => d.Range.Start)
                .ThenBy(d => d.Code, StringComparer.Ordinal))
            .Distinct()
            .ToList();

    private static PackageInfo ReadHeader(Syntax.ItemSyntax header, SourceFile file)
    {
        var name = header.Values.Count > 0 ? header.Values[0].Text : string.Empty;
        return new PackageInfo(
            name,
            header.Modifier("version")?.Value?.Text,
            header.Modifier("lang")?.Value?.Text,
            new SourceLocation(file.DisplayName, header.Range));
    }

    /// <summary>Sorts the declarations into the document's lists by kind, in order, in one pass.</summary>
    private static void Fill(Document document, List<Declaration> declarations)
    {
        List<AgentDeclaration> agents = [];
        List<PromptDeclaration> prompts = [];
        List<SkillDeclaration> skills = [];
        List<SecretDeclaration> secrets = [];
        List<EnvironmentDeclaration> environments = [];
        List<PolicyDeclaration> policies = [];
        List<DeployDeclaration> deploys = [];
        List<PipelineDeclaration> pipelines = [];
        List<TypeDeclaration> types = [];
        List<ServerDeclaration> servers = [];
        List<ClientDeclaration> clients = [];
        List<UserDeclaration> users = [];
        List<GuardrailDeclaration> guardrails = [];
        List<PluginDeclaration> plugins = [];
        List<BindingDeclaration> bindings = [];
        StateDeclaration? state = null;
        foreach (var declaration in declarations)
        {
            switch (declaration)
            {
                case AgentDeclaration agent: agents.Add(agent); break;
                case PromptDeclaration prompt: prompts.Add(prompt); break;
                case SkillDeclaration skill: skills.Add(skill); break;
                case SecretDeclaration secret: secrets.Add(secret); break;
                case EnvironmentDeclaration environment: environments.Add(environment); break;
                case PolicyDeclaration policy: policies.Add(policy); break;
                case DeployDeclaration deploy: deploys.Add(deploy); break;
                case PipelineDeclaration pipeline: pipelines.Add(pipeline); break;
                case TypeDeclaration type: types.Add(type); break;
                case ServerDeclaration server: servers.Add(server); break;
                case ClientDeclaration client: clients.Add(client); break;
                case UserDeclaration user: users.Add(user); break;
                case GuardrailDeclaration guardrail: guardrails.Add(guardrail); break;
                case PluginDeclaration plugin: plugins.Add(plugin); break;
                case BindingDeclaration binding: bindings.Add(binding); break;
                case StateDeclaration first: state ??= first; break;
            }
        }

        document.Agents = agents;
        document.Prompts = prompts;
        document.Skills = skills;
        document.Secrets = secrets;
        document.Environments = environments;
        document.Policies = policies;
        document.Deploys = deploys;
        document.Pipelines = pipelines;
        document.Types = types;
        document.Servers = servers;
        document.Clients = clients;
        document.Users = users;
        document.Guardrails = guardrails;
        document.Plugins = plugins;
        document.Bindings = bindings;
        document.State = state;
    }
}
