using AgentSpec.Syntax;

namespace AgentSpec.Binding;

/// <summary>Reads the statements of an <c>on input</c> block into <see cref="InputStatement"/> trees (spec §2.7).</summary>
internal static class InputStatementReader
{
    public static IReadOnlyList<InputStatement> Read(BodySyntax? body, BindContext context) =>
        (body?.Items ?? []).Select(item => ReadStatement(item, context)).ToList();

    private static InputStatement ReadStatement(ItemSyntax item, BindContext context)
    {
        var statement = new InputStatement
        {
            Kind = item.Key,
            Location = new SourceLocation(context.File, item.Range),
        };
        var first = item.Values.Count > 0 ? item.Values[0] : null;
        switch (item.Key)
        {
            case "use":
                statement.Name = ValueReader.NameText(first);
                if (item.Body is not null)
                {
                    var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var parameter in item.Body.Items.Where(p => p.Values.Count == 2))
                    {
                        parameters[ValueReader.NameText(parameter.Values[0])] = parameter.Values[1].Text;
                    }

                    statement.Parameters = parameters;
                }

                break;
            case "delegate":
                statement.Name = ValueReader.NameText(first);
                break;
            case "respond":
                if (first is ExpressionSyntax expression)
                {
                    statement.Expression = expression.Text;
                }
                else
                {
                    statement.Text = first?.Text;
                }

                break;
            case "for":
                statement.Name = ValueReader.NameText(first);
                statement.Expression = item.Values.Count > 1 ? item.Values[1].Text : null;
                statement.Body = Read(item.Body, context);
                break;
            default: // if, else if, else
                statement.Expression = first?.Text;
                statement.Body = Read(item.Body, context);
                statement.Branches = item.Continuations.Select(c => ReadStatement(c, context)).ToList();
                break;
        }

        return statement;
    }
}
