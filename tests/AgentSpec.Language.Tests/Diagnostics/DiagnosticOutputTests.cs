using System.Text.Json;
using AgentSpec.Diagnostics;

namespace AgentSpec.Tests.Diagnostics;

/// <summary>CI-ready renderings of diagnostics: text, MSBuild, GitHub Actions, Azure DevOps and SARIF 2.1.0.</summary>
public sealed class DiagnosticOutputTests
{
    private static readonly Diagnostic Error = new(
        "AS2002",
        DiagnosticSeverity.Error,
        "skill \"kb-serch\" not found",
        "agents/kb.ias",
        new SourceRange(new(11, 14), new(11, 24)),
        "did you mean \"kb-search\"?",
        [new RelatedLocation("agents/kb.ias", new SourceRange(new(3, 7), new(3, 18)), "declared here")]);

    private static readonly Diagnostic Info = new(
        "AS2022", DiagnosticSeverity.Info, "user \"u\" key \"K\" is not a declared secret; 100% env", "a,b:c.ias", new SourceRange(new(2, 3), new(2, 6)));

    [Fact]
    public void Text_form_matches_the_language_spec()
    {
        Assert.Equal(
            "agents/kb.ias:11:14: error AS2002: skill \"kb-serch\" not found\n  hint: did you mean \"kb-search\"?",
            DiagnosticRenderer.Render(Error, DiagnosticFormat.Text));
    }

    [Fact]
    public void MSBuild_form_has_the_canonical_origin_and_category()
    {
        Assert.Equal(
            "agents/kb.ias(11,14,11,24): error AS2002: skill \"kb-serch\" not found (hint: did you mean \"kb-search\"?)",
            DiagnosticRenderer.Render(Error, DiagnosticFormat.MSBuild));
    }

    [Fact]
    public void GitHub_annotations_escape_data_and_properties()
    {
        Assert.Equal(
            "::error file=agents/kb.ias,line=11,col=14,endLine=11,endColumn=24,title=AS2002::skill \"kb-serch\" not found%0Ahint: did you mean \"kb-search\"?",
            DiagnosticRenderer.Render(Error, DiagnosticFormat.GitHubActions));
        Assert.Equal(
            "::notice file=a%2Cb%3Ac.ias,line=2,col=3,endLine=2,endColumn=6,title=AS2022::user \"u\" key \"K\" is not a declared secret; 100%25 env",
            DiagnosticRenderer.Render(Info, DiagnosticFormat.GitHubActions));
    }

    [Fact]
    public void Azure_DevOps_logging_commands_cover_errors_and_warnings_only()
    {
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=agents/kb.ias;linenumber=11;columnnumber=14;code=AS2002;]skill \"kb-serch\" not found (hint: did you mean \"kb-search\"?)",
            DiagnosticRenderer.Render(Error, DiagnosticFormat.AzureDevOps));
        Assert.Null(DiagnosticRenderer.Render(Info, DiagnosticFormat.AzureDevOps));
    }

    [Theory]
    [InlineData("true", null, null, DiagnosticFormat.GitHubActions)]
    [InlineData(null, "True", null, DiagnosticFormat.AzureDevOps)]
    [InlineData("true", null, "1", null)]
    [InlineData(null, null, null, null)]
    public void CI_format_follows_the_environment(string? github, string? tfBuild, string? disabled, DiagnosticFormat? expected)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = github, ["TF_BUILD"] = tfBuild, ["AGENTSPEC_NO_CI_ANNOTATIONS"] = disabled };

        Assert.Equal(expected, DiagnosticRenderer.CiFormatFromEnvironment(name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void Sarif_log_has_runs_tool_rules_and_located_results()
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(stream, [Error, Info], "0.1.0");

        using var sarif = JsonDocument.Parse(stream.ToArray());
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("AgentSpec", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DiagnosticCatalog.All.Count, rules.Count);
        Assert.All(rules, rule => Assert.Matches("^AS[1-6][0-9]{3}$", rule.GetProperty("id").GetString()));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var first = results[0];
        Assert.Equal("AS2002", first.GetProperty("ruleId").GetString());
        Assert.Equal("AS2002", rules[first.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        var location = Assert.Single(first.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("agents/kb.ias", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((11, 14, 11, 24), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("declared here", Assert.Single(first.GetProperty("relatedLocations").EnumerateArray()).GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("note", results[1].GetProperty("level").GetString());
        Assert.Equal("a%2Cb%3Ac.ias", results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
