using AgentSpec.Binding;
using AgentSpec.Syntax;

namespace AgentSpec.Formatting;

/// <summary>
/// Environment override blocks (spec §6, §9.3): items in source order; values typed by the overridden attribute
/// (strings for int/float/bool attributes print as numbers and booleans); unknown attributes print as written.
/// </summary>
internal sealed partial class FormatWriter
{
    private readonly List<string> overridePath = new();
    private string overrideKind = string.Empty;
    private bool overrideInMap;

    private void WriteOverrideBlock(ItemSyntax item, int level)
    {
        WriteName(item.Keywords[0]);
        WriteLeadingSpaceValues(item, level, writeReference);
        overrideKind = item.Keywords[0].Kind == TokenKind.Word ? item.Keywords[0].Text : item.Keywords[0].Value;
        overridePath.Clear();
        overrideInMap = false;
        WriteBodyAfterSpace(item.Body, level);
    }

    private void WriteOverrideItem(ItemSyntax item, int level)
    {
        if (overrideInMap)
        {
            WriteName(item.Keywords[0]);
            for (var i = 1; i < item.Keywords.Count; i++)
            {
                output.Append(' ').Append(item.Keywords[i].Text);
            }

            if (item.Values.Count > 0)
            {
                output.Append(' ');
                WriteValues(item, level, writeText);
            }

            WriteBodyAfterSpace(item.Body, level);
            return;
        }

        var key = item.Key;
        if (overrideKind == "agent" && overridePath.Count == 0)
        {
            key = key switch
            {
                "prompt" => "uses prompt",
                "loop" => "strategy",
                _ => key,
            };
        }

        overridePath.Add(key);
        var info = AttributeSchema.GetOverride(overrideKind, overridePath);
        if (item.Body is not null)
        {
            WriteName(item.Keywords[0]);
            for (var i = 1; i < item.Keywords.Count; i++)
            {
                output.Append(' ').Append(item.Keywords[i].Text);
            }

            var wasInMap = overrideInMap;
            overrideInMap = info?.Kind == ValueKind.Map;
            WriteBodyAfterSpace(item.Body, level);
            overrideInMap = wasInMap;
        }
        else
        {
            if (key != item.Key || key.Contains(' ', StringComparison.Ordinal))
            {
                output.Append(key);
            }
            else
            {
                WriteName(item.Keywords[0]);
            }

            if (item.Values.Count > 0)
            {
                output.Append(' ');
                WriteTypedValues(item, level, info, isOverride: true);
            }
        }

        overridePath.RemoveAt(overridePath.Count - 1);
    }
}
