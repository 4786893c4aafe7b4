using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads pipeline steps (spec §2.12, §3.8).</summary>
internal static class PipelineReader
{
    public static void Apply(PipelineDeclaration pipeline, ItemSyntax item, BindContext context)
    {
        if (item.Key != "step" || item.Values.Count == 0)
        {
            return;
        }

        var step = new PipelineStep { Name = item.Values[0].Text };
        foreach (var part in item.Body?.Items ?? [])
        {
            var value = context.Value(part);
            switch (part.Key)
            {
                case "agent": step.AgentName = context.Values.String(value, "agent"); break;
                case "input": step.Input = context.Values.String(value, "input"); break;
                case "output": step.Output = context.Values.String(value, "output"); break;
                case "depends_on": step.DependsOn = context.Values.List(value, "depends_on") ?? []; break;
                case "parallel": step.Parallel = context.Values.Boolean(value, "parallel"); break;
                case "when": step.When = context.Values.String(value, "when"); break;
            }
        }

        pipeline.Steps = [.. pipeline.Steps, step];
    }
}
