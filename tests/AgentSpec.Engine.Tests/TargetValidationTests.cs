using System.Text.RegularExpressions;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Tests;

/// <summary>
/// Stage 9 of deployment spec §2.1: each engine code of Appendix B that target validation reports, checked on the
/// Example and the Fix of its page in docs/diagnostics, so that the pages and the engine agree.
/// </summary>
public sealed partial class TargetValidationTests : IDisposable
{
    private readonly string _folder = TestEnvironment.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("AS5104", DiagnosticSeverity.Warning, "container", "container")]
    [InlineData("AS5108", DiagnosticSeverity.Warning, "cluster", "cluster")]
    [InlineData("AS5109", DiagnosticSeverity.Warning, "cluster", "cluster")]
    [InlineData("AS5111", DiagnosticSeverity.Info, "stack", "stack")]
    [InlineData("AS5114", DiagnosticSeverity.Error, "local", "local")]
    [InlineData("AS5116", DiagnosticSeverity.Error, "api.v2", "api-v2")]
    [InlineData("AS5119", DiagnosticSeverity.Info, "Prod_EU", "prod-eu")]
    [InlineData("AS5120", DiagnosticSeverity.Error, "billing-svc", "billing-svc")]
    [InlineData("AS5124", DiagnosticSeverity.Error, "container", "container")]
    public void DocumentedExampleReportsTheCodeAndItsFixDoesNot(string code, DiagnosticSeverity severity, string target, string fixedTarget)
    {
        var (example, fix) = PageSamples(code);

        var reported = Check(example, target).Where(d => d.Code == code).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, d => Assert.Equal(severity, d.Severity));
        Assert.All(reported, d => Assert.EndsWith(".ias", d.File, StringComparison.Ordinal));
        Assert.All(reported, d => Assert.True(d.Range.Start.Line > 1, "located at the deploy block"));

        Assert.DoesNotContain(Check(fix, fixedTarget), d => d.Code == code);
    }

    [Fact]
    public void AuthenticationMessageIsTheDocumentedOne()
    {
        var (example, _) = PageSamples("AS5104");
        var warning = Assert.Single(Check(example, "container"), d => d.Code == "AS5104");
        Assert.Equal("deploy \"container\" maps no AGENTSPEC_API_KEY secret; the runtime serves /v1 without authentication", warning.Message);
    }

    [Fact]
    public void AuthenticationIsNotCheckedOnProcessDeploysNorWhenAUserIsDeclared()
    {
        Assert.DoesNotContain(Check(Spec("deploy \"local\" target \"process\" { }"), "local"), d => d.Code == "AS5104");
        var withUser = Spec("""
            secret "alice-key" { env(ALICE_KEY) }
            user "alice" { key secret("alice-key") agents ["assistant"] }
            deploy "container" target "docker" { }
            """);
        Assert.DoesNotContain(Check(withUser, "container"), d => d.Code == "AS5104");
    }

    [Theory]
    [InlineData("AGENTSPEC_PACKAGE", true)]
    [InlineData("AGENTSPEC_DEPLOY", true)]
    [InlineData("AGENTSPEC_SECRET_OPENAI", true)]
    [InlineData("AGENTSPEC_REQUIRE_AUTH", false)]
    [InlineData("AGENTSPEC_ASSISTANT_TEMPERATURE", false)]
    public void ReservedVariablesAreErrorsInEnvAndSecrets(string name, bool reserved)
    {
        var inEnv = Spec($"deploy \"local\" target \"process\" {{ env {{ {name} \"x\" }} }}");
        Assert.Equal(reserved, Check(inEnv, "local").Any(d => d.Code == "AS5114" && d.Message.Contains(name, StringComparison.Ordinal)));

        var inSecrets = Spec($$"""
            secret "value" { env(SOME_VALUE) }
            deploy "local" target "process" { secrets { {{name}} "value" } }
            """);
        Assert.Equal(reserved, Check(inSecrets, "local").Any(d => d.Code == "AS5114" && d.Message.Contains("`secrets`", StringComparison.Ordinal)));
    }

    [Fact]
    public void ComposeServicesWithSeveralReplicasDoNotClaimAHostPort()
    {
        var stack = Spec("""
            deploy "web" target "docker-compose" { port 8080 replicas 2 }
            deploy "api" target "docker-compose" { port 8080 }
            """);
        var diagnostics = Check(stack, "web");
        Assert.DoesNotContain(diagnostics, d => d.Code == "AS5120");
        Assert.Contains(diagnostics, d => d.Code == "AS5111" && d.Message.Contains("\"web\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AutoscaleOnMemoryNeedsAMemoryRequest()
    {
        var cluster = Spec("""
            deploy "cluster" target "kubernetes" {
              image "registry.example.com/demo:1"
              resources { cpu "500m" }
              autoscale { min 1 max 3 metric "memory" target 70 }
            }
            """);
        var warning = Assert.Single(Check(cluster, "cluster"), d => d.Code == "AS5109");
        Assert.Contains("sets no memory", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Check(cluster, "cluster"), d => d.Code == "AS5108");
    }

    [Fact]
    public void KubernetesUnitNamesCollideOnlyInOneNamespace()
    {
        var apart = Spec("""
            deploy "api.v2" target "kubernetes" { namespace "one" image "registry.example.com/demo:1" }
            deploy "api-v2" target "kubernetes" { namespace "two" image "registry.example.com/demo:1" }
            """);
        Assert.DoesNotContain(Check(apart, "api.v2"), d => d.Code == "AS5116");
        var together = apart.Replace("\"two\"", "\"one\"", StringComparison.Ordinal);
        Assert.Contains(Check(together, "api.v2"), d => d.Code == "AS5116");
    }

    [Fact]
    public void PlanCarriesWarningsAndStopsOnErrorsWithSpecInvalidBeforeTheStateIsTouched()
    {
        var (warns, _) = PageSamples("AS5119");
        var plan = DeploymentEngine.Plan(Resolve(warns, "Prod_EU"), Settings());
        Assert.Contains(plan.Diagnostics, d => d.Code == "AS5119");
        Assert.Contains(plan.Diagnostics, d => d.Code == "AS5104");

        var (fails, _) = PageSamples("AS5124");
        var error = Assert.Throws<SpecInvalidException>(() => DeploymentEngine.Plan(Resolve(fails, "container"), Settings()));
        Assert.Equal(ErrorIds.SpecInvalid, error.ErrorId);
        Assert.Contains("AS5124", error.Message, StringComparison.Ordinal);
        Assert.All(error.Diagnostics, d => Assert.Equal("AS5124", d.Code));

        Assert.Throws<SpecInvalidException>(() => DeploymentEngine.BeginApply(Resolve(fails, "container"), null, Settings(), TimeSpan.Zero, _ => { }, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_folder, "*.tfstate*").Concat(Directory.GetFiles(_folder, "*.lock*")).Concat(Directory.GetFiles(_folder, "state*")));
    }

    [Fact]
    public void ExportStopsOnTargetValidationErrors()
    {
        var (fails, fix) = PageSamples("AS5124");
        var error = Assert.Throws<SpecInvalidException>(() =>
            Export.DeploymentExport.Render(Resolve(fails, "container"), Export.ExportFormats.Auto, StatePath, "127.0.0.1", "scratch"));
        Assert.Contains("AS5124", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(Export.DeploymentExport.Render(Resolve(fix, "container"), Export.ExportFormats.Auto, StatePath, "127.0.0.1", "scratch"));
    }

    private string StatePath => Path.Combine(_folder, "state.json");

    private PlanSettings Settings() => new() { StatePath = StatePath, Secrets = SecretResolver.Default([]), NoSecrets = true };

    private IReadOnlyList<Diagnostic> Check(string text, string target) => DeploymentEngine.ValidateUnits(Resolve(text, target));

    private ResolvedDeployment Resolve(string text, string target)
    {
        var path = Path.Combine(_folder, "demo.ias");
        File.WriteAllText(path, text);
        var resolved = SpecResolver.Resolve(path, null, target);
        Assert.True(resolved.Units.Count > 0, string.Join("\n", resolved.Diagnostics.Select(d => d.ToText())));
        return resolved;
    }

    private static string Spec(string deploys) => $$"""
        package "demo" version "1.0.0" lang "2.0"

        prompt "support" {
          content "You answer customer questions briefly and politely."
        }

        agent "assistant" {
          uses prompt "support"
          model "claude-sonnet-4-20250514"
        }

        {{deploys}}
        """;

    /// <summary>The first two <c>ias</c> code blocks of a diagnostic page: its Example and its Fix.</summary>
    private static (string Example, string Fix) PageSamples(string code)
    {
        var page = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "diagnostics", code + ".md"));
        var blocks = IasBlock().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 2, $"{code}.md has an Example and a Fix");
        return (blocks[0], blocks[1]);
    }

    [GeneratedRegex("```ias\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex IasBlock();
}
