using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>
/// Applies environment overrides (spec §6). Every environment's override values are type-checked at their own range
/// whether or not it is selected (§6.3); the selected environment's overrides are then applied onto the declarations,
/// in source order, through the same readers as base items (scalars replace, nested blocks and maps merge, §6.4).
/// </summary>
internal static class EnvironmentOverlay
{
    private static readonly HashSet<string> OverridableKinds = new(StringComparer.Ordinal)
    {
        "agent", "prompt", "skill", "deploy", "server", "client",
    };

    /// <summary>Type-checks the overrides of every environment against scratch copies of their targets.</summary>
    public static void CheckAll(IEnumerable<EnvironmentDeclaration> environments, SymbolTable symbols)
    {
        foreach (var environment in environments)
        {
            Resolution.EnvironmentChecker.Check(environment, symbols);
            var file = symbols.FileOf(environment);
            foreach (var (block, target) in Targets(environment, symbols))
            {
                var scratchFile = symbols.FileOf(target);
                var scratch = DeclarationFactory.Create(target.Syntax, new BindContext(new DiagnosticBag(scratchFile.DisplayName), isOverride: false));
                if (scratch is null)
                {
                    continue;
                }

                var context = new BindContext(file.Diagnostics, isOverride: true);
                foreach (var item in Applicable(block, target))
                {
                    DeclarationFactory.Apply(scratch, Normalize(item, target.DeclarationKind), context);
                }
            }
        }
    }

    /// <summary>Applies the selected environment's overrides onto the bound declarations.</summary>
    public static void Apply(EnvironmentDeclaration environment, SymbolTable symbols)
    {
        var file = symbols.FileOf(environment);
        var context = new BindContext(new DiagnosticBag(file.DisplayName), isOverride: true);
        foreach (var (block, target) in Targets(environment, symbols))
        {
            foreach (var item in Applicable(block, target))
            {
                DeclarationFactory.Apply(target, Normalize(item, target.DeclarationKind), context);
            }
        }
    }

    /// <summary>The override blocks of an environment with the declarations they name (unresolved ones are skipped).</summary>
    public static IEnumerable<(ItemSyntax Block, Declaration Target)> Targets(EnvironmentDeclaration environment, SymbolTable symbols)
    {
        foreach (var block in environment.Syntax.Body?.Items ?? [])
        {
            if (block.Key != "override" || block.Keywords.Count == 0 || block.Values.Count == 0)
            {
                continue;
            }

            var kind = block.Keywords[0].Value;
            if (!OverridableKinds.Contains(kind))
            {
                continue;
            }

            var target = symbols.Find<Declaration>(kind, block.Values[0].Text);
            if (target is not null)
            {
                yield return (block, target);
            }
        }
    }

    /// <summary>The items of an override block that may be applied (AS2013/AS2014 items never change the declaration, §6.4).</summary>
    private static IEnumerable<ItemSyntax> Applicable(ItemSyntax block, Declaration target) =>
        (block.Body?.Items ?? []).Where(item => Resolution.EnvironmentChecker.IsApplicable(target.DeclarationKind, item, target));

    /// <summary>Maps override aliases to canonical keys (<c>prompt</c> → <c>uses prompt</c>, <c>loop</c> → <c>strategy</c>).</summary>
    private static ItemSyntax Normalize(ItemSyntax item, string kind)
    {
        if (kind == "agent" && item.Key is "prompt" or "loop")
        {
            item.Key = item.Key == "prompt" ? "uses prompt" : "strategy";
        }

        return item;
    }
}
