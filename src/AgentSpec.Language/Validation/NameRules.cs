using System.Text.RegularExpressions;
using AgentSpec.Diagnostics;
using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Name shape rules (AS3021).</summary>
internal static partial class NameRules
{
    public static void CheckPackageName(ValueSyntax name, DiagnosticBag bag)
    {
        if (name.Text.Length == 0)
        {
            bag.Add("AS3011", name.Range, "'package' must not be empty");
            return;
        }

        if (!PackageName().IsMatch(name.Text))
        {
            bag.Add(
                "AS3021",
                name.Range,
                $"package name \"{name.Text}\" should use only letters, digits, '-', '_' and '.'",
                "1–63 characters of [A-Za-z0-9._-], starting and ending with a letter or digit");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex PackageName();
}
