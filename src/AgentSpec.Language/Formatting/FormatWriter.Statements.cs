using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary><c>on input</c> statements (spec §2.7, §9.3): use, delegate, respond, if/else chains, for loops.</summary>
internal sealed partial class FormatWriter
{
    /// <summary>Writes an on-input statement; false when the item is not one.</summary>
    private bool WriteOnInputStatement(ItemSyntax item, int level)
    {
        switch (item.Key)
        {
            case "use":
                output.Append("use skill");
                WriteLeadingSpaceValues(item, level, writeNameValue);
                if (item.HasModifier("with") && item.Body is { } with)
                {
                    WriteWithBody(with);
                }

                return true;
            case "respond":
                output.Append("respond");
                WriteLeadingSpaceValues(item, level, writeAsWritten);
                return true;
            case "if":
                output.Append("if");
                WriteCondition(item, level, 0);
                foreach (var clause in item.Continuations)
                {
                    output.Append(clause.Key == "else if" ? " else if" : " else");
                    WriteCondition(clause, level, 0);
                }

                return true;
            case "for":
                output.Append("for each");
                if (item.Values.Count > 0)
                {
                    output.Append(' ');
                    WriteLoopVariable(item.Values[0], level);
                }

                output.Append(" in");
                WriteCondition(item, level, 1);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The expression values from <paramref name="first"/> on, then the statement body.</summary>
    private void WriteCondition(ItemSyntax item, int level, int first)
    {
        for (var i = first; i < item.Values.Count; i++)
        {
            output.Append(' ').Append(item.Values[i].Text);
        }

        WriteBodyAfterSpace(item.Body, level);
    }

    private void WriteLoopVariable(ValueSyntax value, int level)
    {
        // "for each in in x" would read "in" as the keyword: quote a loop variable named "in".
        if (value.Text == "in")
        {
            LiteralText.AppendQuoted(output, "in");
            return;
        }

        WriteNameValue(value, level);
    }

    /// <summary><c>with { k: e, … }</c> on the statement's line.</summary>
    private void WriteWithBody(BodySyntax with)
    {
        output.Append(" with {");
        for (var i = 0; i < with.Items.Count; i++)
        {
            output.Append(i == 0 ? " " : ", ");
            WriteWithParameter(with.Items[i]);
        }

        output.Append(with.Items.Count > 0 ? " }" : "}");
    }
}
