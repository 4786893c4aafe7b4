namespace AgentSpec.Tests.Resolution;

/// <summary>The inputs of language spec Appendix A.6–A.8.</summary>
public static class Vectors
{
    public const string A6 = """
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

    public const string A7Environment = """
        environment "dev" {
          agent "oncal" { model "small" }
          agent "oncall" { temprature 0.2 }
          agent "oncall" { max_turns "many" }
          deploy "cluster" { target "docker" }
        }

        """;

    public const string A8 = """
        package "guard" version "1.0.0" lang "2.0"
        prompt "p" { content "Summarise incidents." }
        agent "scribe" { uses prompt "p" model "gpt-4o" }
        policy "approved-models" {
          deny model gpt-3*
          allow model gpt-4o
          allow model claude-*
        }
        environment "cheap" {
          agent "scribe" { model "gpt-3.5-turbo" }
        }
        deploy "local" target "process" { default true }

        """;
}
