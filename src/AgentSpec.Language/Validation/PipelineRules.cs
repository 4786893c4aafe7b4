using System.Text.RegularExpressions;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Pipeline rules (spec §3.8): steps, unique names, agents, dependencies and their cycles, step input references.</summary>
internal static partial class PipelineRules
{
    public static void Check(ValidationContext context, PipelineDeclaration pipeline)
    {
        NameRules.CheckDeclarationName(context, pipeline);
        var steps = ValidationContext.Items(pipeline).Where(i => i.Key == "step" && i.Values.Count > 0).ToList();
        if (steps.Count == 0)
        {
            if (!pipeline.IsIncomplete)
            {
                context.ReportAtName("AS3004", pipeline, $"{ValidationContext.Describe(pipeline)} requires at least one step", "step \"first\" { agent \"worker\" }");
            }

            return;
        }

        var names = new MemberNames(context, pipeline, "step");
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            if (names.Add(steps[i]))
            {
                indexes[steps[i].Values[0].Text] = i;
            }
        }

        var edges = new List<List<int>>(steps.Count);
        var edgeRanges = new List<List<SourceRange>>(steps.Count);
        foreach (var step in steps)
        {
            var stepName = step.Values[0].Text;
            var parts = step.Body?.Items ?? [];
            if (!pipeline.IsIncomplete && ValidationContext.Last(parts, "agent") is null)
            {
                context.Report(
                    "AS3004",
                    pipeline,
                    ValidationContext.KeywordRange(step),
                    $"{ValidationContext.Describe(pipeline)} requires 'agent' in step \"{stepName}\"",
                    "agent \"worker\"");
            }

            var (targets, ranges) = Dependencies(context, pipeline, stepName, ValidationContext.Last(parts, "depends_on"), indexes);
            edges.Add(targets);
            edgeRanges.Add(ranges);
            CheckInput(context, pipeline, stepName, ValidationContext.Last(parts, "input"), indexes);
        }

        foreach (var cycle in CycleFinder.Find(edges))
        {
            var path = cycle.Select(c => steps[c.Node].Values[0].Text).Append(steps[cycle[0].Node].Values[0].Text);
            var (node, edge) = cycle[0];
            context.Report(
                "AS2005",
                pipeline,
                edgeRanges[node][edge],
                $"pipeline \"{pipeline.Name}\" has a dependency cycle: {string.Join(" -> ", path)}",
                "remove one of the dependencies");
        }
    }

    /// <summary>The dependencies of a step as step indexes; AS2006 for unknown steps and the step itself.</summary>
    private static (List<int> Targets, List<SourceRange> Ranges) Dependencies(
        ValidationContext context,
        PipelineDeclaration pipeline,
        string stepName,
        ItemSyntax? dependsOn,
        Dictionary<string, int> indexes)
    {
        var targets = new List<int>();
        var ranges = new List<SourceRange>();
        var value = dependsOn?.Values.Count > 0 ? dependsOn.Values[^1] : null;
        IReadOnlyList<ValueSyntax> items = value switch
        {
            ListValueSyntax list => list.Elements,
            StringValueSyntax text => [text],
            _ => [],
        };
        foreach (var item in items)
        {
            var target = item.Text;
            if (target == stepName)
            {
                context.Report("AS2006", pipeline, item.Range, $"step \"{stepName}\" cannot depend on itself");
            }
            else if (indexes.TryGetValue(target, out var index))
            {
                targets.Add(index);
                ranges.Add(item.Range);
            }
            else
            {
                context.Report(
                    "AS2006",
                    pipeline,
                    item.Range,
                    $"step \"{stepName}\" depends on unknown step \"{target}\"",
                    Diagnostics.DidYouMean.Hint(target, indexes.Keys));
            }
        }

        return (targets, ranges);
    }

    /// <summary>AS2021 for <c>{{steps.X.…}}</c> in a step input where X is not a step of the pipeline.</summary>
    private static void CheckInput(ValidationContext context, PipelineDeclaration pipeline, string stepName, ItemSyntax? input, Dictionary<string, int> indexes)
    {
        if (input?.Values.Count > 0 && input.Values[^1] is StringValueSyntax text)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in StepReference().Matches(text.Text))
            {
                var target = match.Groups[1].Value;
                if (!indexes.ContainsKey(target) && reported.Add(target))
                {
                    context.Report(
                        "AS2021",
                        pipeline,
                        text.Range,
                        $"step \"{stepName}\" refers to unknown step \"{target}\"",
                        Diagnostics.DidYouMean.Hint(target, indexes.Keys));
                }
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*steps\.([^.}\s]+)")]
    private static partial Regex StepReference();
}
