using AgentSpec.Runtime.Hosting;

namespace AgentSpec.Runtime.Cli;

/// <summary><c>agentspec version [--json]</c> and <c>agentspec --version</c>.</summary>
public static class VersionCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        var json = false;
        var reader = new ArgumentReader(args, 1);
        while (!reader.Done)
        {
            var arg = reader.Next(out _);
            if (arg == "--json") json = true;
            else throw new UsageException($"version: unknown option \"{arg}\"");
        }
        stdout.WriteLine(json
            ? $"{{\"version\":\"{RuntimeVersion.Version}\",\"rid\":\"{RuntimeVersion.Rid}\"}}"
            : RuntimeVersion.Version);
        return ExitCodes.Ok;
    }
}
