namespace AgentSpec.Tests.Resolution;

/// <summary>Environment overrides (language spec §6, vectors A.6 and A.7) and environment selection (AS2020).</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public void A6_has_no_diagnostics_with_or_without_the_environment()
    {
        Assert.Empty(SpecLoader.LoadText(Vectors.A6, "a6.ias").Diagnostics);
        Assert.Empty(SpecLoader.LoadText(Vectors.A6, "a6.ias", "prod").Diagnostics);
    }

    [Fact]
    public void A7_reports_each_override_error_at_its_exact_position()
    {
        var document = SpecLoader.LoadText(Vectors.A6 + Vectors.A7Environment, "a7.ias");
        var offset = Vectors.A6.Split('\n').Length - 1; // the environment line is line offset + 1

        var diagnostics = document.Diagnostics.Where(d => d.Line > offset).ToList();

        Assert.Equal(
            [$"{offset + 2}:9 AS2002", $"{offset + 3}:20 AS2013", $"{offset + 4}:30 AS3001", $"{offset + 5}:22 AS2014"],
            SpecFile.Summary(diagnostics));
        Assert.Equal("agent \"oncal\" not found", diagnostics[0].Message);
        Assert.Equal("did you mean \"oncall\"?", diagnostics[0].Hint);
        Assert.Equal(new SourcePosition(offset + 2, 16), diagnostics[0].Range.End);
        Assert.Equal("agent has no attribute 'temprature'", diagnostics[1].Message);
        Assert.Equal("did you mean \"temperature\"?", diagnostics[1].Hint);
        Assert.Equal("'max_turns' expects an integer, found string \"many\"", diagnostics[2].Message);
        Assert.Equal("'target' of deploy cannot be overridden in an environment", diagnostics[3].Message);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void A7_errors_are_reported_when_another_environment_is_selected_and_the_target_kind_is_kept()
    {
        var document = SpecLoader.LoadText(Vectors.A6 + Vectors.A7Environment, "a7.ias", "dev");

        Assert.Contains(document.Diagnostics, d => d.Code == "AS2014");
        Assert.Equal("kubernetes", document.Deploys[0].Kind);
    }

    [Fact]
    public void Unknown_kind_and_empty_environment()
    {
        var text = """
            package "e" version "1.0.0" lang "2.0"
            secret "k" { env(K) }
            environment "a" {
              secret "k" { env "OTHER" }
            }
            environment "empty" {
            }

            """;

        var diagnostics = SpecLoader.LoadText(text, "e.ias").Diagnostics;

        Assert.Equal(["4:3 AS2012", "6:13 AS3020"], SpecFile.Summary(diagnostics));
        Assert.Equal("'secret' cannot be overridden in an environment", diagnostics[0].Message);
        Assert.Equal("environment \"empty\" overrides nothing", diagnostics[1].Message);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[1].Severity);
    }

    [Fact]
    public void Tool_overrides_must_keep_the_variant_and_mcp_tools_cannot_be_overridden()
    {
        var text = """
            package "t" version "1.0.0" lang "2.0"
            server "srv" { transport "stdio" command "srv" }
            skill "run" {
              description "d"
              input { q string }
              output { r string }
              tool command { binary "run" }
            }
            skill "remote" {
              description "d"
              input { q string }
              output { r string }
              tool mcp "srv/remote"
            }
            environment "x" {
              skill "run" { tool http { url "https://example.com" } }
              skill "run" { tool { url "https://example.com" } }
              skill "remote" { tool { timeout "5s" } }
              skill "run" { tool command { timeout "5s" } }
              skill "run" { input { q string } }
            }

            """;

        var diagnostics = SpecLoader.LoadText(text, "t.ias").Diagnostics;

        Assert.Equal(["16:22 AS2014", "17:24 AS2013", "18:20 AS2014", "20:17 AS2014"], SpecFile.Summary(diagnostics));
        Assert.Equal("'tool http' of skill cannot be overridden in an environment", diagnostics[0].Message);
        Assert.Equal("skill has no attribute 'tool.url'", diagnostics[1].Message);
        Assert.Equal("'tool' of skill cannot be overridden in an environment", diagnostics[2].Message);
        Assert.Equal("'input' of skill cannot be overridden in an environment", diagnostics[3].Message);
        Assert.StartsWith("overridable: description, tool, metadata", diagnostics[3].Hint);
    }

    [Fact]
    public void The_same_path_twice_is_AS2015_with_the_first_as_related()
    {
        var text = """
            package "d" version "1.0.0" lang "2.0"
            deploy "c" target "docker" { env { A "1" } }
            environment "x" {
              deploy "c" { resources { cpu "1" } env { A "2" } }
              deploy "c" {
                resources { cpu "2" memory "1Gi" }
                env { A "3" B "4" }
              }
            }

            """;

        var diagnostics = SpecLoader.LoadText(text, "d.ias").Diagnostics.Where(d => d.Code == "AS2015").ToList();

        Assert.Equal(["6:17 AS2015", "7:11 AS2015"], SpecFile.Summary(diagnostics));
        Assert.Equal("environment \"x\" sets deploy \"c\" 'resources.cpu' more than once", diagnostics[0].Message);
        Assert.Equal(new SourcePosition(4, 28), diagnostics[0].Related[0].Range.Start);
        Assert.Equal("environment \"x\" sets deploy \"c\" 'env.A' more than once", diagnostics[1].Message);
    }

    [Fact]
    public void Override_references_must_resolve_in_every_environment()
    {
        var text = """
            package "r" version "1.0.0" lang "2.0"
            prompt "p" { content "x" }
            agent "a" { uses prompt "p" model "m" }
            environment "x" {
              agent "a" { prompt "pp" fallback "b" }
            }

            """;

        var diagnostics = SpecLoader.LoadText(text, "r.ias").Diagnostics.Where(d => d.IsError).ToList();

        Assert.Equal(["5:22 AS2002", "5:36 AS2002"], SpecFile.Summary(diagnostics));
        Assert.Equal("did you mean \"p\"?", diagnostics[0].Hint);
    }

    [Fact]
    public void Value_rules_run_on_overrides_of_environments_that_are_not_selected()
    {
        var text = """
            package "v" version "1.0.0" lang "2.0"
            prompt "p" { content "x" }
            agent "a" { uses prompt "p" model "m" }
            environment "x" {
              agent "a" { max_turns "5" stream "yes" }
            }

            """;

        var diagnostics = SpecLoader.LoadText(text, "v.ias").Diagnostics;

        Assert.Equal(["5:36 AS3001"], SpecFile.Summary(diagnostics));
    }

    [Fact]
    public void An_unknown_selected_environment_is_AS2020_at_the_header_with_a_hint()
    {
        var document = SpecLoader.LoadText(Vectors.A6, "a6.ias", "prd");

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("AS2020", diagnostic.Code);
        Assert.Equal("environment \"prd\" is not declared", diagnostic.Message);
        Assert.Equal("did you mean \"prod\"?", diagnostic.Hint);
        Assert.Equal(new SourcePosition(1, 1), diagnostic.Range.Start);
    }
}
