using AgentSpec.Runtime.Cli;
using AgentSpec.Runtime.Hosting;

namespace AgentSpec.Runtime;

/// <summary>The <c>agentspec</c> executable: <c>run</c>, <c>healthcheck</c>, <c>version</c>.</summary>
public static class Program
{
    private const string Usage = """
        usage:
          agentspec run --config config.json [--port N] [--host ADDR] [--require-auth] [--cors-origins a,b]
                        [--tls-cert F --tls-key F] [--log-file F] [--detached] [--stop-file F]
          agentspec run <file.ias|dir> [--deploy NAME] [--env NAME] [--config params.json] [--port N] [--host ADDR] ...
          agentspec healthcheck [--url URL] [--host ADDR] [--port N] [--path P] [--timeout 5s]
          agentspec version [--json] | agentspec --version
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            return args[0] switch
            {
                "run" => await RunCommand.RunAsync(args, Console.Error).ConfigureAwait(false),
                "healthcheck" => await HealthcheckCommand.RunAsync(args, Console.Out).ConfigureAwait(false),
                "version" => VersionCommand.Run(args, Console.Out),
                "--version" => VersionCommand.Run(["version"], Console.Out),
                "--help" or "-h" or "help" => Help(),
                _ => throw new UsageException($"unknown command \"{args[0]}\""),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\n{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
    }

    private static int Help()
    {
        Console.Out.WriteLine(Usage);
        return ExitCodes.Ok;
    }
}
