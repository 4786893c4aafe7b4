using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Resolution;

/// <summary>
/// The static policy rules (language spec §5.5, §7.1): AS4004 unknown subject, AS4005 action not supported, AS4006 value
/// missing or extra, AS4007 a value that can never match a closed set, AS4008 a policy without rules.
/// </summary>
internal static class PolicyShapeChecker
{
    public static void Check(PolicyDeclaration policy, DiagnosticBag bag)
    {
        var rules = 0;
        foreach (var item in policy.Syntax.Body?.Items ?? [])
        {
            if (item.Key is not ("deny" or "allow" or "require"))
            {
                continue;
            }

            rules++;
            CheckRule(item, bag);
        }

        if (rules == 0 && !policy.IsIncomplete)
        {
            bag.Add("AS4008", policy.Location.Range, $"policy \"{policy.Name}\" has no rules");
        }
    }

    /// <summary>True when a rule item is well formed: known subject, supported action, the right number of values.</summary>
    public static bool IsWellFormed(ItemSyntax item)
    {
        if (item.Values.Count == 0 || !PolicySubjects.All.Contains(item.Values[0].Text))
        {
            return false;
        }

        var subject = item.Values[0].Text;
        return PolicySubjects.ActionsOf(subject).Contains(item.Key) && item.Values.Count == (PolicySubjects.TakesValue(subject) ? 2 : 1);
    }

    private static void CheckRule(ItemSyntax item, DiagnosticBag bag)
    {
        var action = item.Key;
        if (item.Values.Count == 0)
        {
            if (!item.IsIncomplete)
            {
                bag.Add("AS4006", item.Range, $"'{action}' needs a subject", $"e.g. '{action} model claude-*'");
            }

            return;
        }

        var subjectValue = item.Values[0];
        var subject = subjectValue.Text;
        if (!PolicySubjects.All.Contains(subject))
        {
            bag.Add(
                "AS4004",
                subjectValue.Range,
                $"unknown policy subject '{subject}'",
                DidYouMean.Hint(subject, PolicySubjects.All, "valid subjects"));
            return;
        }

        var actions = PolicySubjects.ActionsOf(subject);
        if (!actions.Contains(action))
        {
            bag.Add("AS4005", item.Range, $"'{action} {subject}' is not supported", $"supported actions: {string.Join(", ", actions)}");
            return;
        }

        var values = item.Values.Count - 1;
        if (PolicySubjects.TakesValue(subject) && values == 0)
        {
            bag.Add("AS4006", item.Range, $"'{action} {subject}' needs a value");
            return;
        }

        if (!PolicySubjects.TakesValue(subject) && values > 0)
        {
            bag.Add("AS4006", item.Range, $"'{action} {subject}' takes no value");
            return;
        }

        if (values > 1)
        {
            bag.Add("AS4006", item.Range, $"'{action} {subject}' takes a single value", "quote a value that contains spaces");
            return;
        }

        if (values == 1 && PolicySubjects.ClosedSet(subject) is { } set)
        {
            var value = item.Values[1];
            if (!GlobPattern.HasWildcards(value.Text) && !set.Contains(value.Text))
            {
                bag.Add("AS4007", value.Range, $"'{value.Text}' is not a valid {subject}", DidYouMean.Hint(value.Text, set.ToList(), "valid values"));
            }
        }
    }
}
