using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Validation;

/// <summary>Appendix A vectors of the language spec that concern validation codes (exact positions, messages, hints).</summary>
public sealed class AppendixVectorTests
{
    [Fact]
    public void A2_misspelled_skill_reference()
    {
        const string text = """
            package "kb" version "1.0.0" lang "2.0"
            prompt "p" { content "Answer from the knowledge base." }
            skill "kb-search" {
              description "Search articles"
              input { q string required }
              output { hits string }
              tool command { binary "kb" }
            }
            agent "helper" {
              uses prompt "p"
              uses skill "kb-serch"
              model "gpt-4o"
            }
            """;

        var diagnostic = Assert.Single(Spec.Diagnostics(text));
        Assert.Equal("11:14 E AS2002 skill \"kb-serch\" not found", Spec.Render(diagnostic));
        Assert.Equal(new SourcePosition(11, 24), diagnostic.Range.End);
        Assert.Equal("did you mean \"kb-search\"?", diagnostic.Hint);
    }

    [Fact]
    public void A5_secret_with_two_sources()
    {
        const string text = """
            package "s" version "1.0.0" lang "2.0"
            secret "db" { store(prod/db/main-password) }
            secret "ci" { env GITHUB_TOKEN }
            secret "odd" { store("team vault/key") }
            secret "both" { env(A) store(b/c) }
            """;

        Assert.Equal(["5:24 E AS3005 secret \"both\" sets both 'env' and 'store'"], Spec.Lines(text));
    }

    [Fact]
    public void A9_deploy_rules()
    {
        const string text = """
            package "d" version "1.0.0" lang "2.0"

            deploy "edge" target "process" {
              replicas 2
              health {
                path "healthz"
                interval "5s"
                timeout "5s"
              }
            }
            """;

        Assert.Equal(
            [
                "3:8 W AS5025 deploy \"edge\" serves no agents",
                "4:3 W AS5003 'replicas' has no effect on target \"process\"",
                "6:10 E AS5011 health path must start with '/'",
                "7:14 W AS5013 health interval 5s is below 10s; probes this frequent add load",
                "8:13 E AS5012 health timeout (5s) must be lower than interval (5s)",
            ],
            Spec.Lines(text));
    }

    [Fact]
    public void A10_two_default_deploys()
    {
        const string text = """
            package "d2" version "1.0.0" lang "2.0"

            prompt "p" { content "x" }
            agent "a" { uses prompt "p" model "m" }

            deploy "one" target "process" { default true }
            deploy "two" target "docker" { default true }
            """;

        var diagnostic = Assert.Single(Spec.Diagnostics(text));
        Assert.Equal("7:32 E AS5002 deploy \"two\" is marked default, but deploy \"one\" already is", Spec.Render(diagnostic));
        Assert.Equal(new SourcePosition(6, 33), Assert.Single(diagnostic.Related).Range.Start);
    }

    [Fact]
    public void A11_security_lint_and_suppression()
    {
        const string text = """
            package "sec" version "1.0.0" lang "2.0"

            deploy "d" target "docker" {
              env {
                OPENAI_API_KEY "sk-proj-a1B2c3D4e5F6g7H8i9J0k1L2"
                DB_PASSWORD "hunter2"
                LOG_LEVEL "info"
              }
            }
            """;

        Assert.Equal(
            [
                "3:8 W AS5025 deploy \"d\" serves no agents",
                "5:20 W AS6001 string contains what looks like an OpenAI API key; credentials must not be written in .ias files",
                "6:17 W AS6002 'DB_PASSWORD' is given a literal value; credentials must not be written in .ias files",
            ],
            Spec.Lines(text));
        Assert.All(Spec.Diagnostics(text).Where(d => d.Code.StartsWith("AS6", StringComparison.Ordinal)), d => Assert.Contains("secret \"name\"", d.Hint));

        var suppressed = text.Replace("\"hunter2\"", "\"hunter2\" # agentspec-ignore AS6002", StringComparison.Ordinal);
        Assert.DoesNotContain("AS6002", Spec.Codes(suppressed));
        Assert.Contains("AS6001", Spec.Codes(suppressed));
    }

    [Fact]
    public void A12_incomplete_blocks_get_no_AS3004()
    {
        const string text = """
            package "r" version "1.0.0" lang "2.0"

            agent "a" {
              uses prompt "p"
              model = "m"
            }

            skill "s" {
              description "d"
              inputs { x string }
            }
            """;

        Assert.Equal(
            [
                "4:15 E AS2002 prompt \"p\" not found",
                "5:9 E AS1002 unexpected character '='",
                "10:3 E AS1013 unknown attribute 'inputs' in skill block",
            ],
            Spec.Lines(text));
    }

    [Fact]
    public void A13_pipeline_cycle()
    {
        const string text = """
            package "pl" version "1.0.0" lang "2.0"

            prompt "p" { content "work" }
            agent "w" { uses prompt "p" model "m" }

            pipeline "loop" {
              step "a" { agent "w" depends_on ["c"] }
              step "b" { agent "w" depends_on ["a"] }
              step "c" { agent "w" depends_on ["b"] }
            }
            """;

        Assert.Equal(["7:36 E AS2005 pipeline \"loop\" has a dependency cycle: a -> c -> b -> a"], Spec.Lines(text));
    }

    [Fact]
    public void A1_A3_A4_A6_A14_have_no_validation_findings()
    {
        const string a6 = """
            package "ops" version "2.0.0" lang "2.0"
            prompt "p" { content "Help the on-call engineer." }
            agent "oncall" { uses prompt "p" model "claude-sonnet-4-20250514" max_turns 8 }
            deploy "cluster" target "kubernetes" {
              image "registry.example.com/ops:2.0.0"
              resources { cpu "500m" memory "512Mi" }
              health { path "/healthz" interval "20s" timeout "3s" }
            }
            environment "prod" {
              agent "oncall" { max_turns 20 stream false }
              deploy "cluster" { replicas 3 resources { cpu "2" } }
            }
            """;
        const string a14 = """
            package "fmt" version "0.1.0" lang "2.0"
            skill "lint" {
              tool command {
                args [
                  "--strict",   # fail on warnings
                  "--json"
                ]
                binary "linter"
                env { LEVEL 3 }
              }
              output { report string }
              input { path string required
                depth int }
              description "Run the linter"
            }
            """;

        Assert.Empty(Spec.Lines(a6));
        Assert.Empty(Spec.Lines(a14));
    }
}
