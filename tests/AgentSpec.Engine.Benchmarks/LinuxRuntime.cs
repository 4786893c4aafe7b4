using System.Diagnostics;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// The linux-x64 runtime the docker images carry: <c>AGENTSPEC_RUNTIME_PATH</c> when it holds <c>linux-x64/agentspec</c>,
/// else published once (self-contained, single file) into this program's output folder, as the Docker tests do.
/// </summary>
internal static class LinuxRuntime
{
    public static string Folder(string repositoryRoot)
    {
        if (Environment.GetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "linux-x64", "agentspec")))
        {
            return configured;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "runtime");
        var executable = Path.Combine(folder, "linux-x64", "agentspec");
        if (File.Exists(executable))
        {
            return folder;
        }

        Console.WriteLine("publishing the linux-x64 runtime (once) …");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(repositoryRoot, "src", "AgentSpec.Runtime", "AgentSpec.Runtime.csproj"), "-c", "Release", "-r", "linux-x64",
            "--self-contained", "true", "-p:PublishSingleFile=true", "-p:DebugType=none", "--nologo", "-v", "quiet", "-o", Path.Combine(folder, "linux-x64"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet publish");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException("publishing the runtime failed:\n" + output);
        }

        return folder;
    }
}
