using System.Text.RegularExpressions;
using AgentSpec.Diagnostics;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Diagnostics;

/// <summary>Every code of the catalogue has its documentation page, and the page agrees on the severity.</summary>
public sealed partial class DiagnosticDocumentationTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var row in DiagnosticCatalog.All)
        {
            data.Add(row.Code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_page_with_its_severity_an_example_and_a_fix(string code)
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", code + ".md");
        Assert.True(File.Exists(path), $"docs/diagnostics/{code}.md is missing");
        var page = File.ReadAllText(path);

        Assert.StartsWith($"# {code}: ", page, StringComparison.Ordinal);
        var severity = SeverityLine().Match(page);
        Assert.True(severity.Success, $"{code}.md has no 'Severity:' line");
        Assert.Equal(DiagnosticCatalog.Get(code).Severity.ToString(), severity.Groups[1].Value);
        Assert.Contains("## Example", page, StringComparison.Ordinal);
        Assert.Contains("## Fix", page, StringComparison.Ordinal);
        Assert.Matches("```ias\\n", page);
    }

    [Fact]
    public void The_index_links_every_code()
    {
        var index = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", "README.md"));

        Assert.All(DiagnosticCatalog.All, row => Assert.Contains($"({row.Code}.md)", index, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^Severity: (Error|Warning|Info)\b", RegexOptions.Multiline)]
    private static partial Regex SeverityLine();
}
