using AgentSpec.Binding;

namespace AgentSpec.Validation;

/// <summary>
/// Rules about recorded-but-inactive constructs and singletons: plugins (AS3017), legacy bindings (AS3016, AS3026),
/// the state block (AS3004, AS3006, AS3024, AS5024).
/// </summary>
internal static class LegacyRules
{
    public static void Check(ValidationContext context)
    {
        var document = context.Document;
        foreach (var plugin in document.Plugins)
        {
            context.ReportAtName("AS3017", plugin, $"plugin \"{plugin.Name}\" is recorded but plugins are not loaded by this version");
        }

        BindingDeclaration? firstDefault = null;
        foreach (var binding in document.Bindings)
        {
            var keyword = ValidationContext.KeywordRange(binding.Syntax);
            context.Report("AS3016", binding, keyword, "'binding' is a legacy form", "deploy");
            if (binding.Adapter is null && !binding.IsIncomplete)
            {
                context.ReportAtName("AS3004", binding, $"{ValidationContext.Describe(binding)} requires 'adapter'", "adapter \"docker\"");
            }

            if (binding.Default == true)
            {
                if (firstDefault is null)
                {
                    firstDefault = binding;
                }
                else
                {
                    context.Report(
                        "AS3026",
                        binding,
                        keyword,
                        "only one binding may be the default",
                        null,
                        [new RelatedLocation(firstDefault.File, ValidationContext.KeywordRange(firstDefault.Syntax), "first default binding")]);
                }
            }
        }

        CheckState(context);
    }

    private static void CheckState(ValidationContext context)
    {
        SourceLocation? first = null;
        foreach (var file in context.Document.SourceFiles)
        {
            foreach (var statement in file.Tree.Root.Statements)
            {
                if (statement.Key != "state")
                {
                    continue;
                }

                var keyword = new SourceLocation(file.DisplayName, ValidationContext.KeywordRange(statement));
                if (first is null)
                {
                    first = keyword;
                    continue;
                }

                context.Report("AS3024", keyword, "only one state block is allowed", "keep one state block", [new RelatedLocation(first.File, first.Range, "first state block")]);
            }
        }

        if (context.Document.State is not { } state)
        {
            return;
        }

        if (state.Type is null)
        {
            if (!state.IsIncomplete && state.LocationOf("type") is null)
            {
                context.Report("AS3004", state, ValidationContext.KeywordRange(state.Syntax), "state requires 'type'", "type \"local\"");
            }
        }
        else if (ValueChecks.Enum(context, state, "type", "type", state.Type, AttributeSchema.StateTypes) && state.Type != "local")
        {
            context.ReportAt("AS5024", state, "type", $"state backend \"{state.Type}\" is not supported yet", "type \"local\"");
        }
    }
}
