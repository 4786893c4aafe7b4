using System.Diagnostics;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>Runs the docker-compose v1 binary (<c>docker-compose</c> on PATH) on one file and project.</summary>
internal static class Compose
{
    public static async Task RunAsync(string file, string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", file, "-p", project }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start docker-compose");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
