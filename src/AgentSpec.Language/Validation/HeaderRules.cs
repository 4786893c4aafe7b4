using AgentSpec.Syntax;

namespace AgentSpec.Validation;

/// <summary>Package header rules of every file: required parts, language version, package version (spec §3.2).</summary>
internal static class HeaderRules
{
    public static void Check(ValidationContext context)
    {
        var root = true;
        foreach (var file in context.Document.SourceFiles)
        {
            var header = file.Tree.Root.Header;
            if (header is null)
            {
                root = false;
                continue; // AS1010 was reported by the parser
            }

            var bag = file.Diagnostics;
            var keyword = header.Keywords[0].Range;
            var name = header.Values.Count > 0 ? header.Values[0] : null;
            var version = header.Modifier("version")?.Value;
            var lang = header.Modifier("lang")?.Value;
            if (!header.IsIncomplete)
            {
                var missing = new List<string>();
                if (version is null)
                {
                    missing.Add("'version'");
                }

                if (lang is null)
                {
                    missing.Add("'lang'");
                }

                if (missing.Count > 0)
                {
                    bag.Add(
                        "AS3004",
                        keyword,
                        $"package \"{name?.Text}\" requires {string.Join(" and ", missing)}",
                        "package \"name\" version \"0.1.0\" lang \"2.0\"");
                }
            }

            if (root && name is not null)
            {
                NameRules.CheckPackageName(name, bag);
            }

            if (version is not null && (version is not StringValueSyntax || !ValueFormats.IsSemver(version.Text)))
            {
                bag.Add("AS3010", version.Range, $"invalid version \"{version.Text}\": expected MAJOR.MINOR.PATCH", "e.g. \"1.0.0\"");
            }

            if (lang is not null)
            {
                CheckLang(lang, bag);
            }

            root = false;
        }
    }

    private static void CheckLang(ValueSyntax lang, Diagnostics.DiagnosticBag bag)
    {
        var text = lang.Text;
        if (text == "2.0")
        {
            return;
        }

        if (text.StartsWith("0.", StringComparison.Ordinal) || text.StartsWith("1.", StringComparison.Ordinal) || text is "0" or "1")
        {
            bag.Add("AS3002", lang.Range, $"IntentLang {text} is no longer supported", "migrate to lang \"2.0\"");
            return;
        }

        bag.Add("AS3003", lang.Range, $"unknown IntentLang version \"{text}\"; the file is read as IntentLang 2.0");
    }
}
