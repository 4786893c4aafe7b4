using AgentSpec.Binding;
using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Resolution;

/// <summary>
/// Checks the override blocks of an environment, selected or not (language spec §6): AS2012 kind not overridable,
/// AS2002 unknown resource or reference value, AS2013 unknown attribute, AS2014 attribute not overridable (including a
/// foreign tool variant and any tool override of an mcp skill), AS2015 the same path set twice, AS3020 nothing overridden.
/// </summary>
internal sealed class EnvironmentChecker
{
    private readonly SymbolTable symbols;
    private readonly DiagnosticBag bag;
    private readonly EnvironmentDeclaration environment;
    private readonly Dictionary<string, ItemSyntax> seenPaths = new(StringComparer.Ordinal);

    private EnvironmentChecker(EnvironmentDeclaration environment, SymbolTable symbols)
    {
        this.environment = environment;
        this.symbols = symbols;
        bag = symbols.FileOf(environment).Diagnostics;
    }

    public static void Check(EnvironmentDeclaration environment, SymbolTable symbols) =>
        new EnvironmentChecker(environment, symbols).Run();

    /// <summary>The attribute an override item names: <c>model</c>, <c>uses skill</c>, <c>on input</c>, …</summary>
    public static string AttributeOf(ItemSyntax item) => item.Key switch
    {
        "uses" when item.Values.Count > 0 => $"uses {item.Values[0].Text}",
        "on" when item.Keywords.Count > 1 => $"on {item.Keywords[1].Text}",
        "on" when item.Values.Count > 0 => $"on {item.Values[0].Text}",
        _ => item.Key,
    };

    /// <summary>True when an override item may be applied to its target (no AS2013/AS2014 at the top level).</summary>
    public static bool IsApplicable(string kind, ItemSyntax item, Declaration target)
    {
        var attribute = AttributeOf(item);
        if (!OverrideTable.IsOverridable(kind, attribute))
        {
            return false;
        }

        return attribute != "tool" || ToolProblem(item, target as SkillDeclaration) is null;
    }

    private void Run()
    {
        var blocks = environment.Syntax.Body?.Items ?? [];
        var settings = 0;
        foreach (var block in blocks)
        {
            if (block.Key != "override" || block.Keywords.Count == 0)
            {
                continue;
            }

            settings += block.Body?.Items.Count ?? 0;
            var kindToken = block.Keywords[0];
            var kind = kindToken.Value;
            if (!OverrideTable.Kinds.Contains(kind))
            {
                bag.Add(
                    "AS2012",
                    kindToken.Range,
                    $"'{kind}' cannot be overridden in an environment",
                    $"valid: {string.Join(" ", OverrideTable.Kinds)}");
                continue;
            }

            if (block.Values.Count == 0)
            {
                continue;
            }

            var nameValue = block.Values[0];
            var target = symbols.Find<Declaration>(kind, nameValue.Text);
            if (target is null)
            {
                bag.Add(
                    "AS2002",
                    nameValue.Range,
                    $"{kind} \"{nameValue.Text}\" not found",
                    DidYouMean.Hint(nameValue.Text, symbols.Names(kind), whenEmpty: $"no {kind} is declared"));
                continue;
            }

            foreach (var item in block.Body?.Items ?? [])
            {
                CheckItem(kind, target, item);
            }
        }

        if (settings == 0)
        {
            bag.Add("AS3020", environment.Location.Range, $"environment \"{environment.Name}\" overrides nothing");
        }
    }

    private void CheckItem(string kind, Declaration target, ItemSyntax item)
    {
        var attribute = AttributeOf(item);
        var word = AttributeRange(item);
        if (OverrideTable.IsListedNotOverridable(kind, attribute) || (kind == "agent" && attribute is "uses skill" or "uses guardrail"))
        {
            NotOverridable(kind, attribute, word);
            return;
        }

        if (!OverrideTable.IsOverridable(kind, attribute))
        {
            bag.Add(
                "AS2013",
                word,
                $"{kind} has no attribute '{attribute}'",
                DidYouMean.Hint(attribute, OverrideTable.OverridableOf(kind).ToList(), "overridable"));
            return;
        }

        var path = OverrideTable.Canonical(kind, attribute);
        if (attribute == "tool")
        {
            CheckTool(target, item);
            return;
        }

        if (OverrideTable.ChildrenOf(kind, attribute) is { } children)
        {
            foreach (var child in item.Body?.Items ?? [])
            {
                if (!children.Contains(child.Key))
                {
                    bag.Add(
                        "AS2013",
                        AttributeRange(child),
                        $"{kind} has no attribute '{attribute}.{child.Key}'",
                        DidYouMean.Hint(child.Key, children, "overridable"));
                    continue;
                }

                Seen(target, $"{path}.{child.Key}", child);
            }

            return;
        }

        if (OverrideTable.IsMap(attribute))
        {
            CheckMapKeys(target, path, item);
            return;
        }

        Seen(target, path, item);
        CheckReferences(kind, path, item);
    }

    private void CheckTool(Declaration target, ItemSyntax item)
    {
        var skill = target as SkillDeclaration;
        if (ToolProblem(item, skill) is { } problem)
        {
            bag.Add("AS2014", problem.Range, problem.Message, problem.Hint);
            return;
        }

        var variant = skill?.Tool?.Type ?? "command";
        var allowed = OverrideTable.ToolAttributes.TryGetValue(variant, out var list) ? list : [];
        foreach (var child in item.Body?.Items ?? [])
        {
            if (!allowed.Contains(child.Key))
            {
                bag.Add(
                    "AS2013",
                    AttributeRange(child),
                    $"skill has no attribute 'tool.{child.Key}'",
                    DidYouMean.Hint(child.Key, allowed, "overridable"));
                continue;
            }

            if (OverrideTable.IsMap(child.Key))
            {
                CheckMapKeys(target, $"tool.{child.Key}", child);
            }
            else
            {
                Seen(target, $"tool.{child.Key}", child);
            }
        }
    }

    /// <summary>AS2014 for a tool override that names another variant, or any tool override of an mcp skill.</summary>
    private static (SourceRange Range, string Message, string Hint)? ToolProblem(ItemSyntax item, SkillDeclaration? skill)
    {
        var actual = skill?.Tool?.Type;
        if (actual == "mcp")
        {
            return (item.Keywords[0].Range, "'tool' of skill cannot be overridden in an environment",
                $"skill \"{skill?.Name}\" uses an mcp tool; change the server instead");
        }

        if (item.Keywords.Count > 1 && actual is not null && item.Keywords[1].Text != actual)
        {
            var written = item.Keywords[1].Text;
            return (item.Keywords[1].Range, $"'tool {written}' of skill cannot be overridden in an environment",
                $"skill \"{skill?.Name}\" has a {actual} tool; write 'tool {actual} {{ … }}' or 'tool {{ … }}'");
        }

        return null;
    }

    private void CheckMapKeys(Declaration target, string path, ItemSyntax item)
    {
        foreach (var entry in item.Body?.Items ?? [])
        {
            if (ValueReader.EntryKey(entry) is { } key)
            {
                Seen(target, $"{path}.{key}", entry);
                if (path.EndsWith("secrets", StringComparison.Ordinal) && entry.Values.Count > 0)
                {
                    Resolve("secret", entry.Values[^1]);
                }
            }
        }
    }

    private void CheckReferences(string kind, string path, ItemSyntax item)
    {
        if (item.Values.Count == 0)
        {
            return;
        }

        var value = item.Values[^1];
        switch (kind, path)
        {
            case ("agent", "fallback"): Resolve("agent", value); break;
            case ("agent", "uses prompt"): Resolve("prompt", value); break;
            case ("server", "auth"): Resolve("secret", value); break;
            case ("deploy", "agents"):
                if (value is ListValueSyntax list)
                {
                    foreach (var element in list.Elements)
                    {
                        Resolve("agent", element);
                    }
                }
                else if (value is StringValueSyntax or WordValueSyntax)
                {
                    Resolve("agent", value);
                }

                break;
        }

    }

    private void Resolve(string kind, ValueSyntax value)
    {
        if (value is not (StringValueSyntax or WordValueSyntax) || symbols.Find<Declaration>(kind, value.Text) is not null)
        {
            return;
        }

        bag.Add(
            "AS2002",
            value.Range,
            $"{kind} \"{value.Text}\" not found",
            DidYouMean.Hint(value.Text, symbols.Names(kind), whenEmpty: $"no {kind} is declared"));
    }

    /// <summary>AS2015 when the same attribute path of the same resource is set twice in this environment.</summary>
    private void Seen(Declaration target, string path, ItemSyntax item)
    {
        var key = $"{target.DeclarationKind}\u0000{target.Name}\u0000{path}";
        if (seenPaths.TryGetValue(key, out var first))
        {
            bag.Add(
                "AS2015",
                AttributeRange(item),
                $"environment \"{environment.Name}\" sets {target.DeclarationKind} \"{target.Name}\" '{path}' more than once",
                null,
                [new RelatedLocation(bag.File, AttributeRange(first), "first set here")]);
            return;
        }

        seenPaths[key] = item;
    }

    private void NotOverridable(string kind, string attribute, SourceRange range) =>
        bag.Add(
            "AS2014",
            range,
            $"'{attribute}' of {kind} cannot be overridden in an environment",
            $"overridable: {string.Join(", ", OverrideTable.OverridableOf(kind))}");

    private static SourceRange AttributeRange(ItemSyntax item)
    {
        if (item.Keywords.Count == 0)
        {
            return item.Range;
        }

        var first = item.Keywords[0].Range;
        if (item.Key == "uses" && item.Values.Count > 0)
        {
            return new SourceRange(first.Start, item.Values[0].Range.End);
        }

        return item.Key.Contains(' ', StringComparison.Ordinal) && item.Keywords.Count > 1
            ? new SourceRange(first.Start, item.Keywords[1].Range.End)
            : first;
    }
}
