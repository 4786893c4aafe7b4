using System.Text.RegularExpressions;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Validation;

/// <summary>
/// Every docs/diagnostics page of a validator code: the example under "## Example" reports that code (at the position
/// and with the message the page shows, when it shows them) and the example under "## Fix" reports no error and not
/// that code.
/// </summary>
public sealed partial class DiagnosticPageTests
{
    /// <summary>
    /// Validator codes with a page. Left out: AS3020, AS5019, AS5022, AS5023 (they belong to environment and target
    /// selection, and their pages run with -Environment or -Target), and the AS4xxx policy codes.
    /// </summary>
    private static readonly string[] Codes =
    [
        "AS2003", "AS2004", "AS2005", "AS2006", "AS2007", "AS2021",
        "AS3001", "AS3002", "AS3003", "AS3004", "AS3005", "AS3006", "AS3007", "AS3008", "AS3009", "AS3010", "AS3011",
        "AS3012", "AS3013", "AS3014", "AS3015", "AS3016", "AS3017", "AS3018", "AS3019", "AS3021", "AS3022", "AS3023",
        "AS3024", "AS3025", "AS3026", "AS3027",
        "AS5001", "AS5002", "AS5003", "AS5004", "AS5005", "AS5006", "AS5007", "AS5008", "AS5009", "AS5010", "AS5011",
        "AS5012", "AS5013", "AS5014", "AS5015", "AS5016", "AS5017", "AS5018", "AS5020", "AS5021", "AS5024", "AS5025",
        "AS6001", "AS6002", "AS6003",
    ];

    public static TheoryData<string> Pages
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var code in Codes)
            {
                data.Add(code);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_example_reports_the_code(string code)
    {
        var example = Section(code, "Example");
        var diagnostics = Spec.Diagnostics(Block(example), "demo.ias");

        Assert.Contains(diagnostics, d => d.Code == code);
        foreach (Match shown in Reported().Matches(example))
        {
            if (shown.Groups["code"].Value != code)
            {
                continue;
            }

            var line = int.Parse(shown.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var column = int.Parse(shown.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var message = shown.Groups["message"].Value;
            var at = diagnostics.Where(d => d.Code == code && d.Line == line && d.Column == column).ToList();
            Assert.True(at.Count > 0, $"{code}: expected a diagnostic at {line}:{column}; got {string.Join("; ", diagnostics.Select(Spec.Render))}");
            if (!message.Contains('<', StringComparison.Ordinal))
            {
                Assert.Contains(message, at.Select(d => d.Message));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_fix_reports_neither_errors_nor_the_code(string code)
    {
        var diagnostics = Spec.Diagnostics(Block(Section(code, "Fix")), "demo.ias");

        Assert.DoesNotContain(diagnostics, d => d.Code == code);
        Assert.Empty(diagnostics.Where(d => d.IsError).Select(Spec.Render));
    }

    private static string Section(string code, string heading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", code + ".md"));
        var start = page.IndexOf($"## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{code}.md has no '## {heading}' section");
        var end = page.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string Block(string section)
    {
        var match = IasBlock().Match(section);
        Assert.True(match.Success, "the section has no ```ias block");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("```ias\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex IasBlock();

    [GeneratedRegex("^- `(?<line>[0-9]+):(?<col>[0-9]+)` (?:Error|Warning|Info) (?<code>AS[0-9]{4}): `(?<message>[^`]*)`", RegexOptions.Multiline)]
    private static partial Regex Reported();
}
