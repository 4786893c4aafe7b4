using System.Text.Json.Nodes;
using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Resolution;

/// <summary>The resolved configuration (language spec §10.2, vector A.6) and its JSON form and schema.</summary>
public sealed class ResolvedModelTests
{
    public static TheoryData<string> ValidFiles => CorpusEntry.Paths(e => e.IsValid);

    [Fact]
    public void A6_with_prod_has_every_resolved_value()
    {
        using var spec = new SpecFile(Vectors.A6);

        var resolved = SpecResolver.Resolve(spec.Path, "prod", null);

        Assert.Empty(resolved.Diagnostics);
        Assert.Equal("cluster", resolved.Target);
        Assert.Equal("kubernetes", resolved.Kind);
        Assert.Equal("prod", resolved.Environment);
        var unit = Assert.Single(resolved.Units);
        Assert.Equal("ops-cluster", unit.Name);
        var agent = Assert.Single(unit.Configuration.Agents);
        Assert.Equal(20, agent.MaxTurns);
        Assert.False(agent.Stream);
        Assert.Equal("react", agent.Strategy);
        Assert.Equal("30s", agent.Timeout.Text);
        Assert.Equal(TimeSpan.FromSeconds(30), agent.Timeout.Value);
        Assert.Equal(100000, agent.TokenBudget);
        Assert.Equal(4096, agent.MaxTokens);
        Assert.Equal("fail", agent.OnError);
        Assert.Equal(0, agent.MaxRetries);
        Assert.Null(agent.Temperature);
        Assert.Equal("sliding_window", agent.Memory.Strategy);
        Assert.Equal(50, agent.Memory.MaxMessages);
        Assert.Equal(["claude-sonnet-4-20250514"], agent.Models);
        var deploy = unit.Settings;
        Assert.Equal(3, deploy.Replicas);
        Assert.Equal("2", deploy.Resources?.Cpu?.Text);
        Assert.Equal(2000, deploy.Resources?.Cpu?.Millicores);
        Assert.Equal("512Mi", deploy.Resources?.Memory?.Text);
        Assert.Equal(512L * 1024 * 1024, deploy.Resources?.Memory?.Bytes);
        Assert.Equal("/healthz", deploy.Health?.Path);
        Assert.Equal("20s", deploy.Health?.Interval.Text);
        Assert.Equal(TimeSpan.FromSeconds(3), deploy.Health?.Timeout.Value);
        Assert.Equal(8080, deploy.Port);
        Assert.Equal("default", deploy.Namespace);
        Assert.Null(deploy.Autoscale);
        Assert.Equal(["oncall"], deploy.Agents);
        Assert.Equal("registry.example.com/ops:2.0.0", deploy.Image);
        Assert.Equal("local", unit.Configuration.State.Type);
        Assert.Equal(".agentspec.state.json", unit.Configuration.State.Properties["path"]);
    }

    [Fact]
    public void A6_without_an_environment_keeps_the_base_values()
    {
        using var spec = new SpecFile(Vectors.A6);

        var unit = Assert.Single(SpecResolver.Resolve(spec.Path, null, null).Units);

        Assert.Equal(8, unit.Configuration.Agents[0].MaxTurns);
        Assert.Equal(1, unit.Settings.Replicas);
        Assert.Equal("500m", unit.Settings.Resources?.Cpu?.Text);
        Assert.Equal(500, unit.Settings.Resources?.Cpu?.Millicores);
        Assert.Null(unit.Configuration.Environment);
    }

    [Fact]
    public void Tool_and_target_defaults_are_applied()
    {
        using var spec = new SpecFile("""
            package "tools" version "0.3.0" lang "2.0"
            prompt "p" { content "x" }
            skill "fetch" {
              description "d"
              input { q string }
              output { r string }
              tool http { url "https://api.example.com/{{q}}" headers { Authorization "Bearer {{api-token}}" } }
            }
            skill "calc" {
              description "d"
              input { q string }
              output { r string }
              tool inline { language "node" code "1" }
            }
            secret "api-token" { env(API_TOKEN) }
            agent "a" { uses prompt "p" uses skill "fetch" uses skill "calc" model "m" on_error "retry" }
            user "ops" { key "OPS_KEY" }
            deploy "box" target "docker" { }

            """);

        var resolved = SpecResolver.Resolve(spec.Path, null, null);

        var configuration = Assert.Single(resolved.Units).Configuration;
        var fetch = configuration.Skills[0].Tool;
        Assert.Equal(("http", "GET", "30s"), (fetch.Type, fetch.Method, fetch.Timeout?.Text));
        var calc = configuration.Skills[1].Tool;
        Assert.Equal(("10s", "128Mi", 128L << 20), (calc.Timeout?.Text, calc.Memory?.Text, calc.Memory?.Bytes));
        Assert.Equal(3, configuration.Agents[0].MaxRetries);
        Assert.Equal("agentspec-tools-box:0.3.0", configuration.Deploy.Image);
        Assert.Null(configuration.Deploy.Namespace);
        Assert.Equal(["api-token (env:API_TOKEN)", "OPS_KEY (env:OPS_KEY)"], resolved.SecretReferences.Select(s => s.ToString()));
    }

    [Fact]
    public void Json_is_byte_identical_for_the_same_input_and_never_holds_secret_values()
    {
        var path = Path.Combine(RepositoryPaths.Corpus, "seed/production-best-practices.ias");
        const string value = "sk-ant-test-value-that-must-not-leak-0123456789";
        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", value);
        try
        {
            var first = SpecResolver.Resolve(path, "prod", "production").ToJson();
            var second = SpecResolver.Resolve(path, "prod", "production").ToJson();

            Assert.Equal(first, second);
            Assert.DoesNotContain(value, first, StringComparison.Ordinal);
            var json = JsonNode.Parse(first)?.AsObject() ?? throw new InvalidOperationException("no JSON");
            var secret = Assert.Single(json["secret_references"]?.AsArray() ?? []);
            Assert.Equal("""{"key":"ANTHROPIC_API_KEY","name":"api-key","source":"env"}""", CanonicalJson.Write(secret?.DeepClone()));
            Assert.Equal(first, CanonicalJson.Write(JsonNode.Parse(first)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", null);
        }
    }

    [Fact]
    public void Policy_violations_are_reported_with_the_result_without_stopping_resolution()
    {
        var path = Path.Combine(RepositoryPaths.Corpus, "seed/production-best-practices.ias");

        var resolved = SpecResolver.Resolve(path, "dev", null);

        Assert.True(resolved.HasPolicyViolations);
        Assert.False(resolved.IsValid);
        Assert.Single(resolved.Units);
        Assert.Equal("AS4001", Assert.Single(resolved.PolicyResults.Single(p => p.Policy == "production-safety").Violations).Code);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Json_of_valid_corpus_files_conforms_to_the_schema(string relativePath)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schemas", "resolved.schema.json")))?.AsObject()
            ?? throw new InvalidOperationException("schema is not an object");
        var checker = new JsonSchemaChecker(schema);
        var path = CorpusEntry.Get(relativePath).FullPath;

        var results = SpecResolver.ResolveAll(path, null).Append(SpecResolver.Resolve(path, null, null));

        foreach (var resolved in results)
        {
            Assert.Empty(checker.Check(JsonNode.Parse(resolved.ToJson())));
        }
    }

    [Fact]
    public void The_schema_checker_rejects_a_wrong_type_and_an_unknown_property()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "schemas", "resolved.schema.json")))?.AsObject()
            ?? throw new InvalidOperationException("schema is not an object");
        using var spec = new SpecFile(Vectors.A6);
        var json = JsonNode.Parse(SpecResolver.Resolve(spec.Path, null, null).ToJson())?.AsObject() ?? throw new InvalidOperationException("no JSON");
        json["units"]?[0]?["settings"]?.AsObject().Add("surprise", 1);
        json["units"]?[0]?["configuration"]?["agents"]?[0]?.AsObject()["max_turns"] = "8";

        var errors = new JsonSchemaChecker(schema).Check(json);

        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData(0.3, "0.3")]
    [InlineData(1.0, "1")]
    [InlineData(1500000.0, "1500000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-2.25, "-2.25")]
    public void Canonical_numbers_use_the_shortest_round_trip_form(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.Write(JsonValue.Create(value)));

    [Fact]
    public void Canonical_objects_sort_keys_and_escape_like_section_3_3()
    {
        var node = new JsonObject { ["b"] = "<a&b>\n\u0001\u2028é", ["a"] = new JsonArray(1, true, null), ["A"] = 2L };

        Assert.Equal("{\"A\":2,\"a\":[1,true,null],\"b\":\"\\u003ca\\u0026b\\u003e\\n\\u0001\\u2028é\"}", CanonicalJson.Write(node));
    }
}
