using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// The 1,000-agent input: the agents, prompts and skills of <c>../shared/bench/gen-large-ias.py N</c> (the front-end
/// benchmark's generator), its secret, and instead of its one Kubernetes deploy N/2 deploys with a secret variable and a
/// health block. Each deploy is one unit of two resources (process: ConfigFile and Process; docker-compose: Image and
/// Service), so N/2 deploys give N resources in state. Layouts: <see cref="Layout.Pairs"/> (every deploy serves two
/// agents), <see cref="Layout.FirstServesAll"/> (d0000 serves all N agents, the other deploys two each).
/// </summary>
internal static class ThousandAgentSpec
{
    public const string SecretVariable = "ANTHROPIC_API_KEY";

    public static string DeployName(int index) => string.Create(CultureInfo.InvariantCulture, $"d{index:D4}");

    public enum Layout
    {
        Pairs,
        FirstServesAll,
    }

    public static string Generate(string sharedFolder, int agents, string kind = "process", Layout layout = Layout.Pairs)
    {
        if (agents < 2 || agents % 2 != 0)
        {
            throw new ArgumentException($"the agent count must be an even number ≥ 2, not {agents}", nameof(agents));
        }

        var generated = RunGenerator(Path.Combine(sharedFolder, "bench", "gen-large-ias.py"), agents);
        var cut = generated.IndexOf("\ndeploy \"", StringComparison.Ordinal);
        if (cut < 0 || !generated.Contains($"env({SecretVariable})", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("gen-large-ias.py no longer prints its agents followed by deploy blocks and the env(ANTHROPIC_API_KEY) secret; adapt ThousandAgentSpec.");
        }

        var text = new StringBuilder(generated, 0, cut + 1, generated.Length + agents * 200);
        var all = string.Join(", ", Enumerable.Range(0, agents).Select(a => $"\"a{a}\""));
        for (var unit = 0; unit < agents / 2; unit++)
        {
            var served = layout == Layout.FirstServesAll && unit == 0 ? all : $"\"a{2 * unit}\", \"a{2 * unit + 1}\"";
            text.Append(CultureInfo.InvariantCulture, $$"""

                deploy "{{DeployName(unit)}}" target "{{kind}}" {
                  agents [{{served}}]
                  port {{30000 + unit}}
                  env {
                    LOG_LEVEL "info"
                  }
                  health {
                    path "/healthz"
                    interval "30s"
                    timeout "5s"
                  }
                  secrets {
                    {{SecretVariable}} "api-key"
                  }
                }

                """);
        }

        return text.ToString();
    }

    private static string RunGenerator(string script, int agents)
    {
        var start = new ProcessStartInfo("python3", [script, agents.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start python3");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}");
        }

        return output;
    }
}
