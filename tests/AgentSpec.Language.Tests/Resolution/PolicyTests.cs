using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Resolution;

/// <summary>Policies (language spec §7, vector A.8, conformance notes §11).</summary>
public sealed class PolicyTests
{
    private const string Agents = """
        package "pol" version "1.0.0" lang "2.0"
        prompt "p" { content "x" }
        skill "run" {
          description "d"
          input { q string }
          output { r string }
          tool command { binary "run" }
        }
        agent "a" { uses prompt "p" uses skill "run" model "gpt-4o" strategy "router" }
        agent "b" { uses prompt "p" models ["claude-sonnet-4", "gpt-4o-mini"] }

        """;

    [Fact]
    public void A8_base_has_no_diagnostics()
    {
        using var spec = new SpecFile(Vectors.A8);

        Assert.Empty(SpecValidation.Validate(spec.Path, new ValidationOptions()).Diagnostics);
    }

    [Fact]
    public void A8_deny_matches_the_override_with_the_rule_as_related_and_no_allow_error()
    {
        using var spec = new SpecFile(Vectors.A8);

        var report = SpecValidation.Validate(spec.Path, new ValidationOptions { Environment = "cheap" });

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("AS4001", diagnostic.Code);
        Assert.Equal(
            "policy \"approved-models\" forbids model \"gpt-3.5-turbo\" (rule 'deny model gpt-3*' at 5:3): used by agent \"scribe\"",
            diagnostic.Message);
        Assert.Equal(new SourceRange(new SourcePosition(10, 26), new SourcePosition(10, 41)), diagnostic.Range);
        Assert.Equal(new SourcePosition(5, 3), diagnostic.Related[0].Range.Start);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void A8_allow_list_not_met_is_AS4002_related_to_the_first_allow_rule()
    {
        using var spec = new SpecFile(Vectors.A8.Replace("gpt-3.5-turbo", "mistral-large", StringComparison.Ordinal));

        var diagnostic = Assert.Single(SpecValidation.Validate(spec.Path, new ValidationOptions { Environment = "cheap" }).Diagnostics);

        Assert.Equal("AS4002", diagnostic.Code);
        Assert.Equal("policy \"approved-models\" allows only model gpt-4o, claude-*; agent \"scribe\" uses \"mistral-large\"", diagnostic.Message);
        Assert.Equal(new SourcePosition(10, 26), diagnostic.Range.Start);
        Assert.Equal(new SourcePosition(6, 3), diagnostic.Related[0].Range.Start);
    }

    [Theory]
    [InlineData("seed/production-best-practices.ias", 39, 11)]
    [InlineData("seed/best-practices-snippets.ias", 0, 0)]
    public void Seed_examples_conform_to_section_11(string relativePath, int line, int column)
    {
        var path = Path.Combine(RepositoryPaths.Corpus, relativePath);

        Assert.DoesNotContain(SpecValidation.Validate(path, new ValidationOptions()).Diagnostics, d => d.IsError);
        Assert.DoesNotContain(SpecValidation.Validate(path, new ValidationOptions { Environment = "prod" }).Diagnostics, d => d.IsError);
        var dev = SpecValidation.Validate(path, new ValidationOptions { Environment = "dev" });
        var violation = Assert.Single(dev.Diagnostics, d => d.IsError);
        Assert.Equal("AS4001", violation.Code);
        Assert.StartsWith("policy \"production-safety\" forbids model \"claude-haiku-latest\" (rule 'deny model claude-haiku-latest' at ", violation.Message);
        Assert.Single(violation.Related);
        if (line > 0)
        {
            Assert.Equal(new SourcePosition(line, column), violation.Range.Start);
            Assert.Equal(new SourcePosition(32, 3), violation.Related[0].Range.Start);
        }

        var source = File.ReadAllLines(path);
        Assert.Contains("claude-haiku-latest", source[violation.Line - 1], StringComparison.Ordinal);
        Assert.StartsWith("deny model claude-haiku-latest", source[violation.Related[0].Range.Start.Line - 1].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_production_example_has_no_diagnostics_at_all_for_base_and_prod_and_either_target()
    {
        var path = Path.Combine(RepositoryPaths.Corpus, "seed/production-best-practices.ias");
        foreach (var environment in new[] { null, "prod" })
        {
            foreach (var target in new[] { null, "dev", "production" })
            {
                var report = SpecValidation.Validate(path, new ValidationOptions { Environment = environment, Target = target });
                Assert.True(report.Entries.Count == 0, $"{environment}/{target}: {string.Join("; ", report.Diagnostics)}");
            }
        }
    }

    [Fact]
    public void Scope_lines_restrict_environments_and_deploys()
    {
        var text = Agents + """
            policy "prod-only" {
              environments ["prod"]
              deny model gpt-4o
            }
            policy "cluster-only" {
              deploys ["cluster"]
              deny target kubernetes
            }
            environment "prod" { agent "a" { max_turns 3 } }
            deploy "local" target "process" { default true }
            deploy "cluster" target "kubernetes" { agents ["b"] health { path "/h" } resources { cpu "1" } image "i" }

            """;
        using var spec = new SpecFile(text);

        Assert.Empty(Errors(spec.Path, new ValidationOptions()));
        Assert.Equal(["9:52 AS4001"], SpecFile.Summary(Errors(spec.Path, new ValidationOptions { Environment = "prod" })));
        var cluster = Errors(spec.Path, new ValidationOptions { Target = "cluster" });
        Assert.Equal(["21:25 AS4001"], SpecFile.Summary(cluster));
        Assert.EndsWith("used by deploy \"cluster\"", cluster[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_subject_is_checked_with_its_reporting_range()
    {
        var text = Agents + """
            policy "all" {
              deny skill ru?
              deny tool command
              deny strategy router
              allow strategy plan-*
              allow model gpt-4o
              require secret missing
              require health
              require resources
              require autoscale
            }
            deploy "k" target "kubernetes" { image "i" }

            """;
        using var spec = new SpecFile(text);

        var errors = Errors(spec.Path, new ValidationOptions());

        Assert.Equal(
            ["7:8 AS4001", "9:40 AS4001", "9:70 AS4001", "10:7 AS4002", "10:37 AS4002", "10:56 AS4002", "17:3 AS4003", "22:8 AS4003", "22:8 AS4003", "22:8 AS4003"],
            SpecFile.Summary(errors));
        Assert.Contains(errors, d => d.Message == "policy \"all\" forbids tool \"command\" (rule 'deny tool command' at 13:3): used by skill \"run\"");
        Assert.Contains(errors, d => d.Message == "policy \"all\" allows only strategy plan-*; agent \"b\" uses \"react\"");
        Assert.Contains(errors, d => d.Message == "policy \"all\" requires secret \"missing\" (rule at 17:3), but it is not declared");
        Assert.Contains(errors, d => d.Message == "policy \"all\" requires a 'autoscale' block (rule at 20:3); deploy \"k\" has none");
    }

    [Fact]
    public void Required_blocks_apply_only_where_they_have_an_effect()
    {
        var text = Agents + """
            policy "blocks" {
              require resources
              require autoscale
            }
            deploy "local" target "process" { }

            """;
        using var spec = new SpecFile(text);

        Assert.Empty(Errors(spec.Path, new ValidationOptions()));
    }

    [Theory]
    [InlineData("deny modl gpt-4o", "AS4004", "unknown policy subject 'modl'", "did you mean \"model\"?")]
    [InlineData("require model gpt-4o", "AS4005", "'require model' is not supported", "supported actions: deny, allow")]
    [InlineData("deny model", "AS4006", "'deny model' needs a value", null)]
    [InlineData("require health now", "AS4006", "'require health' takes no value", null)]
    [InlineData("deny target k8s", "AS4007", "'k8s' is not a valid target", null)]
    [InlineData("deny strategy plan-execute", "AS4007", "'plan-execute' is not a valid strategy", "did you mean \"plan-and-execute\"?")]
    [InlineData("allow tool ftp", "AS4007", "'ftp' is not a valid tool", null)]
    public void Rule_shapes_are_checked(string rule, string code, string message, string? hint)
    {
        var document = SpecLoader.LoadText($"package \"s\" version \"1.0.0\" lang \"2.0\"\npolicy \"x\" {{\n  {rule}\n}}\n", "s.ias");

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        if (hint is not null)
        {
            Assert.Equal(hint, diagnostic.Hint);
        }
    }

    [Fact]
    public void An_empty_policy_is_AS4008_at_its_name()
    {
        var diagnostic = Assert.Single(SpecLoader.LoadText("package \"s\" version \"1.0.0\" lang \"2.0\"\npolicy \"x\" {\n  deploys [\"d\"]\n}\ndeploy \"d\" target \"process\" { }\n", "s.ias").Diagnostics, d => d.Code == "AS4008");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("policy \"x\" has no rules", diagnostic.Message);
        Assert.Equal(new SourcePosition(2, 8), diagnostic.Range.Start);
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("gpt-3*", "gpt-3.5-turbo", true)]
    [InlineData("gpt-3*", "xgpt-3", false)]
    [InlineData("claude-?", "claude-3", true)]
    [InlineData("claude-?", "claude-35", false)]
    [InlineData("a*b*c", "a/x/b/y/c", true)]
    [InlineData("GPT-4o", "gpt-4o", false)]
    public void Patterns_match_the_whole_text_ordinally(string pattern, string text, bool expected) =>
        Assert.Equal(expected, AgentSpec.Resolution.GlobPattern.Matches(pattern, text));

    private static List<Diagnostic> Errors(string path, ValidationOptions options) =>
        SpecValidation.Validate(path, options).Diagnostics.Where(d => d.IsError).ToList();
}
