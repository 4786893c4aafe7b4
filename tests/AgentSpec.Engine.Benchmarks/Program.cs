using System.Globalization;
using AgentSpec.Engine.Benchmarks;

// usage (from the repository root; see docs/performance.md):
//   dotnet run -c Release --project tests/AgentSpec.Engine.Benchmarks -- plan [--agents 1000] [--iterations 9] [--every-target]
//   dotnet run -c Release --project tests/AgentSpec.Engine.Benchmarks -- docker [--counts 1,5,10]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var mode = args.FirstOrDefault() ?? string.Empty;
var options = BenchmarkOptions.Parse(args.Skip(1).ToList());
var root = RepositoryRoot.Find();
Console.WriteLine($"AgentSpec engine benchmark ({mode}) · .NET {Environment.Version} · {Environment.ProcessorCount} cores · load average {LoadAverage()} · commit {Commit(root)}");
switch (mode)
{
    case "plan":
        UseTestRuntime(root);
        await new ThousandAgentsBenchmark(root, options.Agents, options.Iterations, options.EveryTarget).RunAsync();
        return 0;
    case "docker":
        return await new DockerComparison(root, options.Counts).RunAsync();
    default:
        Console.Error.WriteLine("usage: AgentSpec.Engine.Benchmarks plan [--agents N] [--iterations N] [--every-target] | docker [--counts 1,5,10]");
        return 2;
}

// The process deploys describe the runtime (version, sha256) without starting it: the test runtime stands in, as in the engine tests.
static void UseTestRuntime(string root)
{
    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH")))
    {
        var runtime = Path.Combine(root, "tests", "AgentSpec.TestRuntime", "bin", "Release", "net10.0", "agentspec");
        Environment.SetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH", runtime);
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Commit(string root)
{
    try
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(start);
        var text = process?.StandardOutput.ReadToEnd().Trim();
        process?.WaitForExit();
        return string.IsNullOrEmpty(text) ? "unknown" : text;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown (git not found)";
    }
}
