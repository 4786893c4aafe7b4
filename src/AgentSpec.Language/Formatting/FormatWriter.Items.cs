using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>Item content in canonical form (spec §9.3): heads, aliases, modifiers in slot order, bodies.</summary>
internal sealed partial class FormatWriter
{
    private void WriteContent(ItemSyntax item, int level)
    {
        switch (item.Owner)
        {
            case BlockKind.File:
                WriteStatement(item, level);
                return;
            case BlockKind.Environment:
                WriteOverrideBlock(item, level);
                return;
            case BlockKind.Override:
                WriteOverrideItem(item, level);
                return;
            case BlockKind.Variables:
            case BlockKind.TypeFields:
            case BlockKind.Fields:
            case BlockKind.Config:
                WriteEntry(item, level);
                return;
            case BlockKind.With:
                WriteWithParameter(item);
                return;
        }

        if (item.Key == "entry")
        {
            // Map entries and state/binding properties: KEY VALUE, the value as text.
            WriteName(item.Keywords[0]);
            output.Append(' ');
            WriteValues(item, level, writeText);
            return;
        }

        switch (item.Key)
        {
            case "uses prompt":
            case "uses skill":
            case "uses guardrail":
            case "budget daily":
            case "budget monthly":
                output.Append(item.Key).Append(' ');
                WriteTypedValues(item, level, AttributeSchema.Get(item.Owner, item.Key), isOverride: false);
                return;
            case "connects":
                output.Append(item.Owner == BlockKind.Client ? "connects to server " : "connects to client ");
                WriteValues(item, level, writeReference);
                return;
            case "exposes":
                output.Append("exposes skill ");
                WriteValues(item, level, writeReference);
                return;
            case "delegate":
                output.Append("delegate to agent ");
                WriteValues(item, level, item.Owner == BlockKind.OnInput ? writeNameValue : writeReference);
                WriteModifiers(item, level, "when", writeStringValue);
                return;
            case "tool":
                WriteTool(item, level);
                return;
            case "execution":
                WriteExecution(item, level);
                return;
            case "default" when item.Owner is BlockKind.Deploy or BlockKind.Binding:
                output.Append("default ");
                if (item.Values.Count == 0)
                {
                    output.Append("true");
                }

                WriteValues(item, level, writeAsWritten);
                return;
            case "key" when item.Owner == BlockKind.User:
                WriteUserKey(item, level);
                return;
            case "scoring" when item.Owner == BlockKind.EvalCase:
                output.Append("scoring ");
                WriteTypedValues(item, level, AttributeSchema.Get(BlockKind.EvalCase, "scoring"), isOverride: false);
                WriteModifiers(item, level, "threshold", (v, l) => WriteTyped(AttributeSchema.Get(BlockKind.EvalCase, "threshold"), v, l, false));
                return;
            case "env" when item.Owner == BlockKind.Secret:
            case "store" when item.Owner == BlockKind.Secret:
                WriteSecretSource(item);
                return;
            case "deny" or "allow" or "require" when item.Owner == BlockKind.Policy:
                WritePolicyRule(item);
                return;
            case "rule" when item.Owner == BlockKind.Validate:
                WriteValidateRule(item, level);
                return;
            case "case" when item.Owner == BlockKind.Eval:
                WriteEvalCase(item, level);
                return;
            case "step" when item.Owner == BlockKind.Pipeline:
                output.Append("step ");
                WriteValues(item, level, writeReference);
                WriteBodyAfterSpace(item.Body, level);
                return;
            case "on input":
                output.Append("on input ");
                WriteBodyAfterSpace(item.Body, level, leadingSpace: false);
                return;
        }

        if (item.Owner == BlockKind.OnInput && WriteOnInputStatement(item, level))
        {
            return;
        }

        // Plain attributes and nested blocks: KEY VALUE or KEY { … }.
        output.Append(item.Key);
        if (item.Body is not null)
        {
            WriteBodyAfterSpace(item.Body, level);
            return;
        }

        if (item.Values.Count > 0)
        {
            output.Append(' ');
        }

        var info = AttributeSchema.Get(item.Owner, item.Key);
        if (item.Key == "tags" && item.Owner == BlockKind.EvalCase && item.Values.Count == 1 && item.Values[0] is StringValueSyntax tags)
        {
            WriteTagList(tags.Text);
            return;
        }

        WriteTypedValues(item, level, info, isOverride: false);
    }

    private void WriteStatement(ItemSyntax item, int level)
    {
        output.Append(item.Keywords[0].Text);
        switch (item.Key)
        {
            case "package":
                WriteLeadingSpaceValues(item, level, writeReference);
                WriteModifiers(item, level, "version", writeStringValue);
                WriteModifiers(item, level, "lang", writeStringValue);
                return;
            case "import":
                WriteLeadingSpaceValues(item, level, writeStringValue);
                WriteModifiers(item, level, "version", writeStringValue);
                WriteModifiers(item, level, "as", writeNameValue);
                return;
            case "plugin":
                WriteLeadingSpaceValues(item, level, writeReference);
                WriteModifiers(item, level, "version", writeStringValue);
                return;
            case "deploy":
                WriteLeadingSpaceValues(item, level, writeReference);
                WriteModifiers(item, level, "target", writeStringValue);
                break;
            case "type":
                WriteLeadingSpaceValues(item, level, writeReference);
                WriteModifiers(item, level, "enum", (v, l) => WriteTyped(ListInfo, v, l, false));
                WriteModifiers(item, level, "list", writeNameValue);
                break;
            case "binding":
                WriteLeadingSpaceValues(item, level, writeReference);
                WriteModifiers(item, level, "adapter", writeStringValue);
                break;
            default:
                WriteLeadingSpaceValues(item, level, writeReference);
                break;
        }

        WriteBodyAfterSpace(item.Body, level);
    }

    private static readonly AttributeInfo ListInfo = new("enum", ValueKind.List);

    /// <summary>Variables, fields, type fields and config parameters: <c>NAME TYPE[ required][ secret][ default "V"]</c>.</summary>
    private void WriteEntry(ItemSyntax item, int level)
    {
        for (var i = 0; i < item.Values.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            WriteNameValue(item.Values[i], level);
        }

        WriteModifiers(item, level, "required", null);
        WriteModifiers(item, level, "secret", null);
        WriteModifiers(item, level, "default", writeText);
        foreach (var modifier in item.Modifiers)
        {
            if (modifier.Name == "description" && modifier.Value is { } description)
            {
                output.Append('\n').Append(Indent(level + 1));
                WriteAsWritten(description, level + 1);
            }
        }

        if (item.Body is not null)
        {
            WriteBodyAfterSpace(item.Body, level);
        }
    }

    private void WriteWithParameter(ItemSyntax item)
    {
        if (item.Values.Count == 0)
        {
            return;
        }

        WriteNameValue(item.Values[0], 0);
        output.Append(':');
        for (var i = 1; i < item.Values.Count; i++)
        {
            output.Append(' ').Append(item.Values[i].Text);
        }
    }

    private void WriteTool(ItemSyntax item, int level)
    {
        output.Append("tool");
        for (var i = 1; i < item.Keywords.Count; i++)
        {
            output.Append(' ').Append(item.Keywords[i].Text);
        }

        WriteLeadingSpaceValues(item, level, writeStringValue);
        WriteBodyAfterSpace(item.Body, level);
    }

    private void WriteExecution(ItemSyntax item, int level)
    {
        output.Append("execution");
        for (var i = 0; i < item.Values.Count; i++)
        {
            output.Append(' ');
            if (i == 0)
            {
                WriteAsWritten(item.Values[i], level);
            }
            else
            {
                WriteStringValue(item.Values[i], level);
            }
        }
    }

    private void WriteUserKey(ItemSyntax item, int level)
    {
        output.Append("key secret(");
        if (item.Values.Count > 0)
        {
            var value = item.Values[0] is ParenthesizedValueSyntax { Inner: { } inner } ? inner : item.Values[0];
            WriteReference(value, level);
        }

        output.Append(')');
    }

    private void WriteSecretSource(ItemSyntax item)
    {
        var store = item.Key == "store";
        output.Append(item.Key).Append('(');
        if (item.Values.Count > 0)
        {
            var value = item.Values[0] is ParenthesizedValueSyntax paren ? paren.Inner : item.Values[0];
            var text = value?.Text ?? string.Empty;
            if (store ? LiteralText.IsBareGlue(text, wildcards: false) : LiteralText.IsSingleWord(text))
            {
                output.Append(text);
            }
            else if (value is StringValueSyntax { IsTripleQuoted: false } written)
            {
                output.Append(LiteralText.WithoutCarriageReturns(written.Token.Text));
            }
            else
            {
                LiteralText.AppendQuoted(output, text);
            }
        }

        output.Append(')');
    }

    private void WritePolicyRule(ItemSyntax item)
    {
        output.Append(item.Key);
        foreach (var value in item.Values)
        {
            output.Append(' ');
            var text = value.Text;
            if (LiteralText.IsBareGlue(text, wildcards: true))
            {
                output.Append(text);
            }
            else if (value is StringValueSyntax { IsTripleQuoted: false } written)
            {
                output.Append(LiteralText.WithoutCarriageReturns(written.Token.Text));
            }
            else
            {
                LiteralText.AppendQuoted(output, text);
            }
        }
    }

    /// <summary><c>rule NAME SEVERITY[ max_retries N]</c>, then message and <c>when EXPR</c> on their own lines.</summary>
    private void WriteValidateRule(ItemSyntax item, int level)
    {
        output.Append("rule");
        if (item.Values.Count > 0)
        {
            output.Append(' ');
            WriteNameValue(item.Values[0], level);
        }

        output.Append(' ').Append(item.Values.Count > 1 ? item.Values[1].Text : "error");
        for (var i = 2; i < item.Values.Count; i++)
        {
            output.Append(' ').Append(item.Values[i].Text);
        }

        WriteModifiers(item, level, "max_retries", (v, l) => WriteTyped(IntInfo, v, l, false));
        foreach (var name in RuleLineModifiers)
        {
            foreach (var modifier in item.Modifiers)
            {
                if (modifier.Name != name)
                {
                    continue;
                }

                output.Append('\n').Append(Indent(level + 1));
                if (name == "when")
                {
                    output.Append("when");
                    if (modifier.Value is not null)
                    {
                        output.Append(' ').Append(modifier.Value.Text);
                    }
                }
                else if (modifier.Value is not null)
                {
                    WriteAsWritten(modifier.Value, level + 1);
                }
            }
        }
    }

    private static readonly string[] RuleLineModifiers = ["message", "when"];

    private static readonly AttributeInfo IntInfo = new("max_retries", ValueKind.Int);

    /// <summary><c>case NAME</c>, then its items indented one more level.</summary>
    private void WriteEvalCase(ItemSyntax item, int level)
    {
        output.Append("case");
        if (item.Values.Count > 0)
        {
            output.Append(' ');
            WriteNameValue(item.Values[0], level);
        }

        if (item.Body is null)
        {
            return;
        }

        var items = CanonicalOrder.Order(item.Body);
        var attached = AttachedTo(item.Body);
        for (var i = 0; i < items.Count; i++)
        {
            output.Append('\n');
            WriteItemCore(items[i], level + 1, firstInBody: i == 0, attached);
        }
    }

    private void WriteBodyAfterSpace(BodySyntax? body, int level, bool leadingSpace = true)
    {
        if (body is null)
        {
            return;
        }

        if (leadingSpace)
        {
            output.Append(' ');
        }

        WriteBody(body, level);
    }

    private void WriteLeadingSpaceValues(ItemSyntax item, int level, Action<ValueSyntax, int> write)
    {
        foreach (var value in item.Values)
        {
            output.Append(' ');
            write(value, level);
        }
    }

    private void WriteValues(ItemSyntax item, int level, Action<ValueSyntax, int> write)
    {
        for (var i = 0; i < item.Values.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            write(item.Values[i], level);
        }
    }

    private void WriteTypedValues(ItemSyntax item, int level, AttributeInfo? info, bool isOverride)
    {
        for (var i = 0; i < item.Values.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            WriteTyped(info, item.Values[i], level, isOverride);
        }
    }

    /// <summary>Writes every modifier of that name (source order) as <c> name value</c>; flags have no value.</summary>
    private void WriteModifiers(ItemSyntax item, int level, string name, Action<ValueSyntax, int>? write)
    {
        foreach (var modifier in item.Modifiers)
        {
            if (modifier.Name != name)
            {
                continue;
            }

            output.Append(' ').Append(name);
            if (modifier.Value is not null)
            {
                output.Append(' ');
                if (write is null)
                {
                    WriteAsWritten(modifier.Value, level);
                }
                else
                {
                    write(modifier.Value, level);
                }
            }
        }
    }
}
