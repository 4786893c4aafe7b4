namespace AgentSpec.Tests.Resolution;

/// <summary>Target selection, the compose stack and served agents (language spec §7.2, §10.2; deployment spec §2.2–§2.3).</summary>
public sealed class TargetTests
{
    private const string Header = """
        package "stack" version "1.2.0+build" lang "2.0"
        prompt "p" { content "x" }

        """;

    [Fact]
    public void AS5019_for_an_unknown_target_with_a_hint()
    {
        using var spec = new SpecFile(Vectors.A8);

        var resolved = SpecResolver.Resolve(spec.Path, null, "locl");

        var diagnostic = Assert.Single(resolved.Diagnostics);
        Assert.Equal("AS5019", diagnostic.Code);
        Assert.Equal("deploy \"locl\" is not declared", diagnostic.Message);
        Assert.Equal("did you mean \"local\"?", diagnostic.Hint);
        Assert.Equal(new SourcePosition(1, 1), diagnostic.Range.Start);
        Assert.Empty(resolved.Units);
        Assert.False(resolved.IsValid);
        Assert.Contains(SpecValidation.Validate(spec.Path, new ValidationOptions { Target = "locl" }).Diagnostics, d => d.Code == "AS5019");
    }

    [Fact]
    public void AS5019_when_several_deploys_and_none_is_default_only_when_a_target_is_required()
    {
        using var spec = new SpecFile(Header + """
            agent "a" { uses prompt "p" model "m" }
            deploy "one" target "process" { }
            deploy "two" target "docker" { }

            """);

        var diagnostic = Assert.Single(SpecResolver.Resolve(spec.Path, null, null).Diagnostics);
        Assert.Equal("several deploy targets and none is the default: one, two", diagnostic.Message);
        Assert.Equal("name one with -Target or mark one 'default true'", diagnostic.Hint);
        Assert.Empty(SpecValidation.Validate(spec.Path, new ValidationOptions()).Diagnostics);
    }

    [Fact]
    public void AS5019_when_no_deploy_is_declared()
    {
        using var spec = new SpecFile(Header + "agent \"a\" { uses prompt \"p\" model \"m\" }\n");

        var diagnostic = Assert.Single(SpecResolver.Resolve(spec.Path, null, null).Diagnostics);

        Assert.Equal("no deploy target is declared", diagnostic.Message);
    }

    [Fact]
    public void The_default_deploy_wins_over_declaration_order_and_the_only_deploy_is_chosen()
    {
        using var spec = new SpecFile(Vectors.A6);
        Assert.Equal("cluster", SpecResolver.Resolve(spec.Path, null, null).Target);

        using var two = new SpecFile(Header + """
            agent "a" { uses prompt "p" model "m" }
            deploy "one" target "process" { }
            deploy "two" target "process" { default true }

            """);
        Assert.Equal("two", SpecResolver.Resolve(two.Path, null, null).Target);
        Assert.Equal(["one", "two"], SpecResolver.ResolveAll(two.Path, null).Select(r => r.Target));
    }

    [Fact]
    public void A_compose_deploy_brings_every_compose_deploy_with_it()
    {
        using var spec = new SpecFile(Header + """
            agent "a" { uses prompt "p" model "m" }
            agent "b" { uses prompt "p" model "m" }
            deploy "web" target "docker-compose" { agents ["a"] }
            deploy "local" target "process" { default true }
            deploy "worker" target "docker-compose" { agents ["b"] port 9090 }

            """);

        var resolved = SpecResolver.Resolve(spec.Path, null, "worker");

        Assert.Empty(resolved.Diagnostics);
        Assert.Equal("worker", resolved.Target);
        Assert.Equal("docker-compose", resolved.Kind);
        Assert.Equal(["web", "worker"], resolved.Scope);
        Assert.Equal(["stack-web", "stack-worker"], resolved.Units.Select(u => u.Name));
        Assert.Equal(["a"], resolved.Units[0].ServedAgents);
        Assert.Equal(["b"], resolved.Units[1].ServedAgents);
        Assert.Equal("agentspec-stack-web:1.2.0-build", resolved.Units[0].Settings.Image);
        Assert.Equal(9090, resolved.Units[1].Settings.Port);
    }

    [Fact]
    public void Served_agents_include_fallback_and_delegation_targets_transitively_with_AS5022()
    {
        using var spec = new SpecFile(Header + """
            agent "front" { uses prompt "p" model "m" delegate to agent "router" }
            agent "router" {
              uses prompt "p"
              model "m"
              on_error "fallback"
              fallback "backup"
              on input {
                if input.kind == "x" {
                  delegate to helper
                }
              }
            }
            agent "backup" { uses prompt "p" model "m" }
            agent "helper" { uses prompt "p" model "m" }
            agent "unused" { uses prompt "p" model "m" }
            pipeline "flow" {
              step "one" { agent "front" }
              step "two" { agent "unused" depends_on ["one"] }
            }
            pipeline "served" {
              step "one" { agent "router" }
            }
            deploy "d" target "process" { agents ["front"] }

            """);

        var resolved = SpecResolver.Resolve(spec.Path, null, null);

        Assert.Equal(["front", "router", "backup", "helper"], resolved.Units[0].ServedAgents);
        var infos = resolved.Diagnostics.Where(d => d.Code == "AS5022").Select(d => d.Message).ToList();
        Assert.Equal(
            [
                "deploy \"d\" also serves agent \"router\" because agent \"front\" delegates to it",
                "deploy \"d\" also serves agent \"backup\" because agent \"router\" falls back to it",
                "deploy \"d\" also serves agent \"helper\" because agent \"router\" delegates to it",
            ],
            infos);
        var partial = Assert.Single(resolved.Diagnostics, d => d.Code == "AS5023");
        Assert.Equal("pipeline \"flow\" cannot run on deploy \"d\": agent \"unused\" is not served", partial.Message);
        Assert.Equal(DiagnosticSeverity.Warning, partial.Severity);
        Assert.Equal(["served"], resolved.Units[0].Configuration.Pipelines.Select(p => p.Name));
        Assert.True(resolved.IsValid);
    }
}
