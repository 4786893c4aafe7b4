using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>
/// <c>on input</c> statements (spec §3.5.4): unique <c>with</c> keys, no delegation to the agent itself, non-empty
/// responses, conditions, loop variables and collections, and well-formed expressions (AS3018).
/// </summary>
internal static class OnInputRules
{
    public static void Check(ValidationContext context, AgentDeclaration agent)
    {
        foreach (var item in ValidationContext.Items(agent))
        {
            if (item.Key == "on input")
            {
                CheckStatements(context, agent, item.Body?.Items ?? []);
            }
        }
    }

    private static void CheckStatements(ValidationContext context, AgentDeclaration agent, IReadOnlyList<ItemSyntax> statements)
    {
        foreach (var statement in statements)
        {
            CheckStatement(context, agent, statement);
        }
    }

    private static void CheckStatement(ValidationContext context, AgentDeclaration agent, ItemSyntax statement)
    {
        var first = statement.Values.Count > 0 ? statement.Values[0] : null;
        switch (statement.Key)
        {
            case "use":
                var keys = new MemberNames(context, agent, "with key");
                foreach (var parameter in statement.Body?.Items ?? [])
                {
                    keys.Add(parameter);
                    if (parameter.Values.Count > 1 && parameter.Values[1] is ExpressionSyntax value)
                    {
                        AgentPartRules.Expression(context, agent, value);
                    }
                }

                break;
            case "delegate":
                if (first is not null && first.Text == agent.Name)
                {
                    context.Report("AS2003", agent, first.Range, $"agent \"{agent.Name}\" cannot delegate to itself");
                }

                break;
            case "respond":
                if (first is ExpressionSyntax expression)
                {
                    AgentPartRules.Expression(context, agent, expression);
                }
                else if (first is StringValueSyntax { Text.Length: 0 } empty)
                {
                    context.Report("AS3011", agent, empty.Range, "'respond' must not be empty");
                }

                break;
            case "for":
                if (first is null || first.Text.Length == 0)
                {
                    Missing(context, agent, statement, "a loop variable after 'for'", "for each item in input.items { … }");
                }
                else if (statement.Values.Count < 2 || statement.Values[1].Text.Length == 0)
                {
                    Missing(context, agent, statement, "a collection after 'in'", "for each item in input.items { … }");
                }
                else if (statement.Values[1] is ExpressionSyntax collection)
                {
                    AgentPartRules.Expression(context, agent, collection);
                }

                CheckStatements(context, agent, statement.Body?.Items ?? []);
                break;
            case "if" or "else if":
                if (first is null || first.Text.Length == 0)
                {
                    Missing(context, agent, statement, $"a condition after '{statement.Key}'", "if input.priority == \"high\" { … }");
                }
                else if (first is ExpressionSyntax condition)
                {
                    AgentPartRules.Expression(context, agent, condition);
                }

                CheckStatements(context, agent, statement.Body?.Items ?? []);
                foreach (var branch in statement.Continuations)
                {
                    CheckStatement(context, agent, branch);
                }

                break;
            case "else":
                CheckStatements(context, agent, statement.Body?.Items ?? []);
                break;
        }
    }

    private static void Missing(ValidationContext context, AgentDeclaration agent, ItemSyntax statement, string what, string example)
    {
        if (!agent.IsIncomplete)
        {
            context.Report("AS3004", agent, ValidationContext.KeywordRange(statement), $"{ValidationContext.Describe(agent)} requires {what}", example);
        }
    }
}
