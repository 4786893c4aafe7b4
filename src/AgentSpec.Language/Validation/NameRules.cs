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

    /// <summary>AS3021 for agent, deploy and pipeline names outside letters, digits, '-', '_' and '.'.</summary>
    public static void CheckDeclarationName(ValidationContext context, Declaration declaration)
    {
        if (declaration.Name.Length > 0 && !ValueFormats.IsSafeName(declaration.Name))
        {
            context.ReportAtName(
                "AS3021",
                declaration,
                $"{declaration.DeclarationKind} name \"{declaration.Name}\" should use only letters, digits, '-', '_' and '.'",
                "it is used in URLs, labels and file names");
        }
    }

    /// <summary>AS3021 for a prompt variable that can never be substituted.</summary>
    public static void CheckVariableName(ValidationContext context, Declaration prompt, string name, SourceRange range)
    {
        if (!ValueFormats.IsIdentifier(name))
        {
            context.Report(
                "AS3021",
                prompt,
                range,
                $"variable name \"{name}\" should use only letters, digits and '_', starting with a letter or '_'",
                "placeholders are written {{name}} with name matching [A-Za-z_][A-Za-z0-9_]*");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex PackageName();
}
