namespace AgentSpec.Tests.Resolution;

/// <summary>
/// <see cref="ResolvedDeployment.ThrowIfFailed"/>: the error ids of deployment spec §2.1/§10.2 in pipeline order, and
/// policy violations that never throw.
/// </summary>
public sealed class ResolutionFailureTests
{
    private const string Header = """
        package "stack" version "1.0.0" lang "2.0"
        prompt "p" { content "x" }
        agent "a" { uses prompt "p" model "m" }
        environment "staging" { agent "a" { max_turns 3 } }

        """;

    [Fact]
    public void A_resolvable_target_does_not_throw()
    {
        using var spec = new SpecFile(Vectors.A8);

        SpecResolver.Resolve(spec.Path, null, "local").ThrowIfFailed();
    }

    [Fact]
    public void A_policy_violation_is_reported_but_does_not_throw()
    {
        using var spec = new SpecFile(Vectors.A8);

        var resolved = SpecResolver.Resolve(spec.Path, "cheap", null);

        resolved.ThrowIfFailed();
        Assert.True(resolved.HasPolicyViolations);
        Assert.Contains(resolved.Diagnostics, d => d.Code == "AS4001");
    }

    [Fact]
    public void An_unknown_environment_is_EnvironmentNotFound_with_a_suggestion_and_the_list()
    {
        using var spec = new SpecFile(Header + "deploy \"one\" target \"process\" { }\n");

        var exception = Assert.Throws<EnvironmentNotFoundException>(() => SpecResolver.Resolve(spec.Path, "stagin", null).ThrowIfFailed());

        Assert.Equal("EnvironmentNotFound", exception.ErrorId);
        Assert.Equal(AgentSpecErrorCategory.ObjectNotFound, exception.Category);
        Assert.Equal("stagin", exception.TargetObject);
        Assert.Equal(["staging"], exception.Declared);
        Assert.Equal("Environment \"stagin\" is not declared. Did you mean \"staging\"? Package \"stack\" declares: staging.", exception.Message);
    }

    [Fact]
    public void An_unknown_environment_wins_over_an_unknown_target()
    {
        using var spec = new SpecFile(Header + "deploy \"one\" target \"process\" { }\n");

        Assert.Throws<EnvironmentNotFoundException>(() => SpecResolver.Resolve(spec.Path, "nope", "nope").ThrowIfFailed());
    }

    [Fact]
    public void An_unknown_target_is_TargetNotFound_listing_every_deploy_with_its_kind()
    {
        using var spec = new SpecFile(Header + "deploy \"one\" target \"process\" { }\ndeploy \"two\" target \"docker\" { }\n");

        var exception = Assert.Throws<TargetSelectionException>(() => SpecResolver.Resolve(spec.Path, null, "Two").ThrowIfFailed());

        Assert.Equal("TargetNotFound", exception.ErrorId);
        Assert.Equal(AgentSpecErrorCategory.ObjectNotFound, exception.Category);
        Assert.Equal("Two", exception.TargetObject);
        Assert.Equal("Deploy target \"Two\" is not declared; package \"stack\" declares: one (process), two (docker). Did you mean \"two\"?", exception.Message);
    }

    [Fact]
    public void Several_deploys_without_a_default_are_TargetAmbiguous()
    {
        using var spec = new SpecFile(Header + "deploy \"one\" target \"process\" { }\ndeploy \"two\" target \"docker\" { }\n");

        var exception = Assert.Throws<TargetSelectionException>(() => SpecResolver.Resolve(spec.Path, null, null).ThrowIfFailed());

        Assert.Equal("TargetAmbiguous", exception.ErrorId);
        Assert.Equal(AgentSpecErrorCategory.InvalidArgument, exception.Category);
        Assert.Equal(new[] { "one", "two" }, exception.TargetObject);
        Assert.Equal("Package \"stack\" declares 2 deploy targets and none is the default: one (process), two (docker). Pass -Target.", exception.Message);
        Assert.Contains("-Target", exception.RecommendedAction);
    }

    [Fact]
    public void No_deploy_block_is_NoDeployTargets_also_for_ResolveAll()
    {
        using var spec = new SpecFile(Header);

        var single = Assert.Throws<TargetSelectionException>(() => SpecResolver.Resolve(spec.Path, null, null).ThrowIfFailed());
        var all = Assert.Single(SpecResolver.ResolveAll(spec.Path, null));

        Assert.Equal("NoDeployTargets", single.ErrorId);
        Assert.Equal("NoDeployTargets", Assert.Throws<TargetSelectionException>(all.ThrowIfFailed).ErrorId);
    }

    [Fact]
    public void Spec_errors_are_SpecInvalid_with_the_errors_as_target_object()
    {
        using var spec = new SpecFile(Header + "agent \"b\" { uses prompt \"q\" model \"m\" }\ndeploy \"one\" target \"process\" { }\n");

        var exception = Assert.Throws<SpecInvalidException>(() => SpecResolver.Resolve(spec.Path, "nope", null).ThrowIfFailed());

        Assert.Equal("SpecInvalid", exception.ErrorId);
        Assert.Equal(AgentSpecErrorCategory.InvalidData, exception.Category);
        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal("AS2002", diagnostic.Code);
        Assert.Equal(exception.Diagnostics, Assert.IsType<Diagnostic[]>(exception.TargetObject));
        Assert.Contains(diagnostic.ToText(), exception.Message);
    }
}
